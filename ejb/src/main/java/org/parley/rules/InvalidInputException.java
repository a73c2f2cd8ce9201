package org.parley.rules;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * Bad input: the request is refused with its message (HTTP 400, or a validation message on a form). The message is
 * meant for the user. It may name the {@link #field() field} it concerns (a form shows it next to that field), and may
 * carry several {@link #problems() problems} at once (see {@link FieldChecks}), so that a form shows them all.
 */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final List<InvalidInputException> problems;

    public InvalidInputException(String message) {
        this(null, message);
    }

    /** Bad input in one field, e.g. {@code ("title", "The title must be at least 15 characters.")}. */
    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
        this.problems = List.of();
    }

    private InvalidInputException(List<InvalidInputException> problems) {
        super(String.join(" ", problems.stream().map(Throwable::getMessage).toList()));
        this.field = null;
        this.problems = List.copyOf(problems);
    }

    /** One exception for several problems; its message joins theirs. One problem is returned as it is. */
    public static InvalidInputException of(List<InvalidInputException> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        return problems.size() == 1 ? problems.get(0) : new InvalidInputException(problems);
    }

    /** The input field this is about ({@code title}, {@code body}, {@code tags}, ...), or null for the whole request. */
    public String field() {
        return field;
    }

    /** Each problem on its own: this exception alone unless it was made by {@link #of}. */
    public List<InvalidInputException> problems() {
        return problems.isEmpty() ? List.of(this) : problems;
    }
}
