package org.parley.errorlog;

import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import org.parley.rules.ConflictException;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.rules.RateLimitedException;

/**
 * The failures that are answers, not errors, and stay out of the log: the domain rules' exceptions (404, 403, 400, 409,
 * 429 and messages next to fields), bean validation, a Faces form posted after its view expired, a JAX-RS exception
 * that carries a 4xx status, and a client that went away mid-answer (broken pipe, connection reset, closed channel).
 * Anywhere in the cause chain, since EJB, EL and Faces wrap them.
 */
public final class Expected {

    private Expected() {}

    public static boolean is(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NotFoundException
                    || t instanceof NotAllowedException
                    || t instanceof InvalidInputException
                    || t instanceof ConflictException
                    || t instanceof RateLimitedException
                    || t instanceof jakarta.validation.ValidationException
                    || t instanceof ClosedChannelException
                    || t.getClass().getName().equals("jakarta.faces.application.ViewExpiredException")) {
                return true;
            }
            if (t instanceof WebApplicationException web
                    && web.getResponse() != null
                    && web.getResponse().getStatus() < 500) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null) {
                String message = t.getMessage().toLowerCase(Locale.ROOT);
                if (message.contains("broken pipe") || message.contains("connection reset")) {
                    return true;
                }
            }
        }
        return false;
    }
}
