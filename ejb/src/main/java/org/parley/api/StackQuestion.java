package org.parley.api;

import java.time.Instant;
import java.util.List;

/**
 * A question as the API's {@code question} type has it; nullable fields are absent from the JSON when null.
 *
 * @param questionId the question's number on the site
 * @param answered Stack Exchange's {@code is_answered}: an accepted answer, or an answer with a positive score
 * @param body the HTML body, only when the filter asks for it
 */
public record StackQuestion(
        long questionId,
        String title,
        String slug,
        List<String> tags,
        int score,
        int answerCount,
        Long acceptedAnswerId,
        long viewCount,
        boolean answered,
        Instant creationDate,
        Instant lastActivityDate,
        Instant lastEditDate,
        Instant closedDate,
        String closedReason,
        Instant communityOwnedDate,
        Instant lockedDate,
        String contentLicense,
        StackOwner owner,
        String body) {}
