package org.parley.rules;

import jakarta.ejb.ApplicationException;

/** The request collides with existing state, e.g. a username or host already taken (HTTP 409). The message is meant for the user. */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ConflictException(String message) {
        this(null, message);
    }

    /** A conflict about one input field, e.g. {@code ("username", "The username \"ada\" is taken.")}. */
    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field this is about, or null. */
    public String field() {
        return field;
    }
}
