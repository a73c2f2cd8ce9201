package org.parley.rules;

import jakarta.ejb.ApplicationException;

/** The request collides with existing state, e.g. a username or host already taken (HTTP 409). The message is meant for the user. */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
