package org.parley.rules;

import jakarta.ejb.ApplicationException;

/** Bad input: the request is refused with its message (HTTP 400, or a validation message on a form). The message is meant for the user. */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
