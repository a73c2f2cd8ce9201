package org.parley.cache.proto;

import java.time.Instant;

/** Instants on the wire as nanoseconds since the epoch (years 1678 to 2262), null stays null. */
public final class Times {

    private Times() {}

    public static Long toNanos(Instant instant) {
        if (instant == null) {
            return null;
        }
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    public static Instant fromNanos(Long nanos) {
        return nanos == null
                ? null
                : Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
