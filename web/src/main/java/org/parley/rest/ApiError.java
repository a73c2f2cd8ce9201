package org.parley.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of every API error: {@code {"error": "..."}}. */
public record ApiError(String error) {

    /** A JSON answer with status {@code status} and this body. */
    public static Response response(Response.Status status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(message))
                .build();
    }

    /**
     * A query parameter that must be a whole number from 0 to {@code max}: its value, 0 when absent, -1 when it is not
     * such a number (for the caller to answer 400).
     */
    public static long number(String value, long max) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long n = Long.parseLong(value.trim());
            return n >= 0 && n <= max ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
