package org.parley.api;

import java.time.Instant;

/**
 * A comment as the API's {@code comment} type has it.
 *
 * @param commentId the comment's id (Parley's, unique across sites)
 * @param postId the number of the question or answer it is under
 * @param text its plain text, only when the filter asks for the body (the JSON escapes it)
 */
public record StackComment(
        long commentId,
        long postId,
        int score,
        Instant creationDate,
        String contentLicense,
        StackOwner owner,
        String text) {}
