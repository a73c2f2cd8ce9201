package org.parley.user;

import java.time.Duration;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How many failed log-ins one account, or one client address, may have before each further attempt must wait, and
 * how long: after {@code freeFailures} failures the next attempt waits 1 second after the last one, then 2, 4, 8, ...
 * seconds, at most {@code maxDelay} (the lock). Failures are forgotten {@code window} after the last one, so that an
 * account or address that stays quiet that long starts afresh. Pure arithmetic over {@link Failures}, so that the
 * throttle's rules can be checked without a cluster.
 *
 * @param freeFailures failures allowed before the first wait (at least 0)
 * @param maxDelay the longest wait between two attempts (positive)
 * @param window how long failures are remembered after the last one; at least {@code maxDelay}, so that a locked
 *     account is still counted when its lock ends
 */
public record LoginLimit(int freeFailures, Duration maxDelay, Duration window) {

    /** The account limit's defaults: 5 free failures, then 1, 2, 4, ... seconds up to a 15-minute lock. */
    public static final LoginLimit ACCOUNT_DEFAULT = new LoginLimit(5, Duration.ofMinutes(15), Duration.ofHours(1));

    /** The address limit's defaults: 20 free failures (many people may share an address), then the same waits. */
    public static final LoginLimit ADDRESS_DEFAULT = new LoginLimit(20, Duration.ofMinutes(15), Duration.ofHours(1));

    /**
     * Sign-ups from one address: 5 an hour are free (a family, a classroom's first minutes), then each waits twice as
     * long as the one before, up to an hour (a script making accounts).
     */
    public static final LoginLimit SIGN_UP_DEFAULT = new LoginLimit(5, Duration.ofHours(1), Duration.ofHours(1));

    private static final Logger log = Logger.getLogger(LoginLimit.class.getName());

    /**
     * The failures counted for one account or address: how many, and when the last counted attempt began (epoch
     * milliseconds). Stored in the shared tier as the string {@code "failures/lastMillis"}, which every server reads
     * the same way and which compares by value in a conditional replace.
     */
    public record Failures(int count, long lastMillis) {

        public Failures {
            if (count < 1) {
                throw new IllegalArgumentException("A record of failures counts at least one: " + count);
            }
        }

        /** The stored form, {@code "count/lastMillis"}. */
        public String encode() {
            return count + "/" + lastMillis;
        }

        /** The failures stored as {@code stored}, or null for nothing or something unreadable (counted afresh). */
        public static Failures parse(Object stored) {
            if (!(stored instanceof String s)) {
                return null;
            }
            int slash = s.indexOf('/');
            try {
                int count = Integer.parseInt(s.substring(0, Math.max(0, slash)));
                long last = Long.parseLong(s.substring(slash + 1));
                return count < 1 ? null : new Failures(count, last);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    public LoginLimit {
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(window, "window");
        if (freeFailures < 0) {
            throw new IllegalArgumentException("Free failures cannot be negative: " + freeFailures);
        }
        if (maxDelay.isNegative() || maxDelay.isZero()) {
            throw new IllegalArgumentException("The longest wait must be positive: " + maxDelay);
        }
        if (window.compareTo(maxDelay) < 0) {
            window = maxDelay;
        }
    }

    /**
     * The limit configured by system properties {@code PREFIX.free-failures}, {@code PREFIX.max-delay-seconds} and
     * {@code PREFIX.window-seconds}, each falling back to {@code defaults}' value when missing or not a valid number
     * (logged, so that a typo does not silently leave the default in place).
     */
    public static LoginLimit fromSystemProperties(String prefix, LoginLimit defaults) {
        int free = (int) property(prefix + ".free-failures", defaults.freeFailures(), 0);
        long maxDelay =
                property(prefix + ".max-delay-seconds", defaults.maxDelay().toSeconds(), 1);
        long window = property(prefix + ".window-seconds", defaults.window().toSeconds(), 1);
        return new LoginLimit(free, Duration.ofSeconds(maxDelay), Duration.ofSeconds(window));
    }

    private static long property(String name, long fallback, long least) {
        String value = System.getProperty(name);
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= least && n <= Integer.MAX_VALUE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        log.log(Level.WARNING, "System property {0}={1} is not a number from {2}; using {3}", new Object[] {
            name, value, least, fallback
        });
        return fallback;
    }

    /**
     * How long the attempt after {@code failures} failures must wait after the last one: nothing while fewer than
     * {@code freeFailures} have failed, then 2^(failures - freeFailures) seconds (1, 2, 4, ...), at most
     * {@code maxDelay}.
     */
    public Duration delayAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = failures - freeFailures;
        if (doublings >= 62) {
            return maxDelay;
        }
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(maxDelay) < 0 ? delay : maxDelay;
    }

    /** Whether {@code failures} are still remembered at {@code nowMillis}, i.e. the window has not passed since. */
    public boolean remembers(Failures failures, long nowMillis) {
        return failures != null && nowMillis - failures.lastMillis() < window.toMillis();
    }

    /**
     * How long an attempt at {@code nowMillis} must still wait after {@code failures} (null for none).
     *
     * @return zero when the attempt may go ahead, else the milliseconds left (positive)
     */
    public long waitMillis(Failures failures, long nowMillis) {
        if (!remembers(failures, nowMillis)) {
            return 0;
        }
        long opens = failures.lastMillis() + delayAfter(failures.count()).toMillis();
        return Math.max(0, opens - nowMillis);
    }

    /** The failures after one more attempt at {@code nowMillis}, counted as failed until it succeeds. */
    public Failures plusOne(Failures failures, long nowMillis) {
        return remembers(failures, nowMillis)
                ? new Failures(failures.count() + 1, nowMillis)
                : new Failures(1, nowMillis);
    }
}
