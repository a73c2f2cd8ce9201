package org.parley.post;

import java.io.Serializable;
import java.time.Instant;

/** One row of a user's answer list, linking to the answer inside its question. */
public record AnswerSummary(
        long answerNumber,
        long questionNumber,
        String questionTitle,
        String questionSlug,
        int score,
        boolean accepted,
        Instant createdAt)
        implements Serializable {}
