package org.parley.rules;

import jakarta.ejb.ApplicationException;

/** The caller may not do this: not logged in, not the owner, or lacking the role (HTTP 403). The message is meant for the user. */
@ApplicationException(rollback = true)
public class NotAllowedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotAllowedException(String message) {
        super(message);
    }
}
