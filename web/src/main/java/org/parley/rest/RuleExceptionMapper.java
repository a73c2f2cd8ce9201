package org.parley.rest;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.parley.rules.ConflictException;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.rules.RateLimitedException;

/**
 * Turns the domain rules' exceptions into API answers: 400, 403, 404, 409, and 429 with {@code Retry-After} (in
 * seconds) for a rate limit, each with a JSON message.
 */
@Provider
public class RuleExceptionMapper implements ExceptionMapper<RuntimeException> {

    @Override
    public Response toResponse(RuntimeException thrown) {
        Throwable e = thrown;
        while (e instanceof EJBException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof WebApplicationException web) {
            return web.getResponse();
        }
        if (e instanceof RateLimitedException limited) {
            return Response.status(429)
                    .header(HttpHeaders.RETRY_AFTER, limited.retryAfter().toSeconds())
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new ApiError(e.getMessage()))
                    .build();
        }
        int status;
        if (e instanceof InvalidInputException) {
            status = 400;
        } else if (e instanceof NotAllowedException) {
            status = 403;
        } else if (e instanceof NotFoundException) {
            status = 404;
        } else if (e instanceof ConflictException) {
            status = 409;
        } else {
            throw thrown;
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(e.getMessage()))
                .build();
    }
}
