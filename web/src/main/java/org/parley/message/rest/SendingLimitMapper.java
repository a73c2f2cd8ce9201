package org.parley.message.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.parley.message.SendingLimitException;
import org.parley.rest.ApiError;

/** The sending limit as HTTP: 429 Too Many Requests with {@code Retry-After} in seconds. */
@Provider
public class SendingLimitMapper implements ExceptionMapper<SendingLimitException> {

    @Override
    public Response toResponse(SendingLimitException e) {
        return Response.status(429)
                .header(jakarta.ws.rs.core.HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(e.getMessage()))
                .build();
    }
}
