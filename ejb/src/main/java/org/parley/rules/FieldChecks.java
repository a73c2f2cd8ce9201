package org.parley.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs every check of a request's fields and reports all the failures at once, each under its field's name, so that
 * a form shows every problem the first time rather than one per try:
 *
 * <pre>{@code
 * FieldChecks checks = new FieldChecks();
 * String title = checks.field("title", () -> Question.checkTitle(rawTitle));
 * String body = checks.field("body", () -> Post.checkBody(rawBody));
 * checks.done(); // throws one InvalidInputException carrying both problems, if any
 * }</pre>
 *
 * Not thread-safe; one instance per request.
 */
public final class FieldChecks {

    private final List<InvalidInputException> problems = new ArrayList<>();

    /**
     * Runs one check; when it throws {@link InvalidInputException}, remembers its message under {@code field} and
     * returns null (later checks that need this value should be skipped by the caller).
     */
    public <T> T field(String field, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            for (InvalidInputException problem : e.problems()) {
                problems.add(new InvalidInputException(
                        problem.field() == null ? field : problem.field(), problem.getMessage()));
            }
            return null;
        }
    }

    /** Whether a check failed so far. */
    public boolean failed() {
        return !problems.isEmpty();
    }

    /**
     * @throws InvalidInputException carrying every problem found, when a check failed
     */
    public void done() {
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
    }
}
