package org.parley.message;

import jakarta.ejb.ApplicationException;
import org.parley.rules.InvalidInputException;

/**
 * The sender reached the per-minute sending limit. A form shows the message like any bad input; the API answers 429
 * with {@code Retry-After}.
 */
@ApplicationException(rollback = true)
public class SendingLimitException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public SendingLimitException(int perMinute, long retryAfterSeconds) {
        super("You can send at most "
                + perMinute
                + " messages a minute. Try again in "
                + retryAfterSeconds
                + (retryAfterSeconds == 1 ? " second." : " seconds."));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
