package org.parley.rules;

import jakarta.ejb.ApplicationException;

/** The thing asked for does not exist on this site (HTTP 404). The message is meant for the user. */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
