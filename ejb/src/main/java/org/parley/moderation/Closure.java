package org.parley.moderation;

import java.time.Instant;
import java.util.List;

/**
 * Why and by whom a closed question was closed, as its banner shows it.
 *
 * @param reason the reason, or null when it is not one Parley knows (old imported reasons)
 * @param reasonText the reason in words ("a duplicate", "off-topic", ...), or null when unknown
 * @param note an off-topic close's explanation, or null
 * @param closers who closed it, in the order they voted (empty when the history does not say)
 * @param originals for a duplicate, the questions it duplicates
 */
public record Closure(
        Instant closedAt,
        CloseReason reason,
        String reasonText,
        String note,
        List<Closer> closers,
        List<Original> originals) {

    /** A close voter: their number on the site (null when unknown) and name. */
    public record Closer(Long number, String displayName) {}

    /** A question this one duplicates. */
    public record Original(long number, String title, String slug) {}
}
