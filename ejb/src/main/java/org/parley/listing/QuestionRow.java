package org.parley.listing;

import java.time.Instant;
import java.util.Objects;

/**
 * What the index keeps of one question, as read from the database.
 *
 * @param createdNanos creation time in nanoseconds since the epoch (exact for any date before 2262)
 * @param activityNanos last activity time, likewise
 * @param tagNames the tags as the question stores them, {@code |java|jpa|}
 */
public record QuestionRow(
        long number,
        long createdNanos,
        long activityNanos,
        int score,
        int answerCount,
        boolean accepted,
        boolean closed,
        long rowVersion,
        String tagNames) {

    public QuestionRow {
        Objects.requireNonNull(tagNames, "tagNames");
    }

    /** Nanoseconds since the epoch; keeps every digit a database stores, so the engine orders exactly as SQL does. */
    public static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
