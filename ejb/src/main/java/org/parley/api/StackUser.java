package org.parley.api;

import java.time.Instant;

/**
 * A user as the API's {@code user} type has it (its default filter's fields); nullable fields are absent from the JSON
 * when null.
 *
 * @param owner the user as a {@code shallow_user}: number, name, reputation, type and picture
 * @param lastAccessDate the last day the user visited (Parley counts visits by day), or an imported user's
 *     LastAccessDate, else the creation date
 * @param acceptRate the share of the user's questions with answers that have one accepted, in percent; null when they
 *     asked none that has an answer
 */
public record StackUser(
        StackOwner owner,
        Instant creationDate,
        Instant lastAccessDate,
        String location,
        String websiteUrl,
        long gold,
        long silver,
        long bronze,
        Integer acceptRate) {}
