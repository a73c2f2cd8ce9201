package org.parley.errorlog;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/**
 * One error as it waits in memory to be written: {@code count} occurrences between {@code firstSeen} and {@code
 * lastSeen}, with the type, message, node, context and stack of the latest.
 */
public record ErrorEvent(
        String fingerprint,
        String type,
        String message,
        String node,
        ErrorContext context,
        String stack,
        long count,
        Instant firstSeen,
        Instant lastSeen) {

    /** A first occurrence of {@code thrown}, now. */
    public static ErrorEvent of(Throwable thrown, ErrorContext context, String node, Instant now) {
        Throwable root = Fingerprint.root(thrown);
        return new ErrorEvent(
                Fingerprint.of(thrown),
                root.getClass().getName(),
                root.getMessage(),
                node,
                context,
                stack(thrown),
                1,
                now,
                now);
    }

    /** This and {@code later} as one: counts added, the earlier first, the later's context and stack. */
    public ErrorEvent merge(ErrorEvent later) {
        ErrorEvent latest = later.lastSeen.isBefore(lastSeen) ? this : later;
        return new ErrorEvent(
                fingerprint,
                latest.type,
                latest.message,
                latest.node,
                latest.context,
                latest.stack,
                count + later.count,
                firstSeen.isBefore(later.firstSeen) ? firstSeen : later.firstSeen,
                latest.lastSeen);
    }

    /** The full stack, cut to what the table keeps (the top is what matters). */
    static String stack(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return ErrorLogEntry.cut(out.toString(), ErrorLogEntry.STACK);
    }
}
