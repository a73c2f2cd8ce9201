package org.parley.api;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/** A request the API refuses, with the Stack Exchange error it answers and a message for the caller. */
@ApplicationException
public class StackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final StackError error;

    public StackException(StackError error, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.error = Objects.requireNonNull(error, "error");
    }

    /** A 400 bad_parameter whose message starts with the parameter's name. */
    public static StackException badParameter(String parameter, String problem) {
        return new StackException(StackError.BAD_PARAMETER, parameter + ": " + problem);
    }

    public StackError error() {
        return error;
    }
}
