package org.parley.api;

import java.time.Instant;

/**
 * An answer as the API's {@code answer} type has it; nullable fields are absent from the JSON when null.
 *
 * @param answerId the answer's number on the site
 * @param questionId its question's number
 * @param body the HTML body, only when the filter asks for it
 */
public record StackAnswer(
        long answerId,
        long questionId,
        String questionSlug,
        int score,
        boolean accepted,
        Instant creationDate,
        Instant lastActivityDate,
        Instant lastEditDate,
        Instant communityOwnedDate,
        Instant lockedDate,
        String contentLicense,
        StackOwner owner,
        String body) {}
