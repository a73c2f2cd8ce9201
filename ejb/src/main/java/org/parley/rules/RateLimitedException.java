package org.parley.rules;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Objects;

/**
 * The caller did this too often and may do it again after {@link #retryAfter()}: e.g. a new user's second question
 * within the site's interval, or a vote beyond the day's limit (HTTP 429 with {@code Retry-After}; a form shows the
 * message). The message is meant for the user and says when they may try again.
 */
@ApplicationException(rollback = true)
public class RateLimitedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param retryAfter how long until the action is allowed again; rounded up to whole seconds, at least one
     */
    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        Objects.requireNonNull(retryAfter, "retryAfter");
        long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        this.retryAfter = Duration.ofSeconds(seconds);
    }

    /** How long until the action is allowed again, in whole seconds (at least one). */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * A wait as a person reads it, rounded up to the minute: "1 minute", "37 minutes", "5 hours and 3 minutes", "2
     * hours"; under a minute is "a minute".
     */
    public static String inWords(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return minutes == 1 ? "a minute" : minutes + " minutes";
        }
        String h = hours == 1 ? "1 hour" : hours + " hours";
        return rest == 0 ? h : h + " and " + (rest == 1 ? "1 minute" : rest + " minutes");
    }
}
