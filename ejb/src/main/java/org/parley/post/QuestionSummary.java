package org.parley.post;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.parley.user.UserRef;

/** One row of a question list. */
public record QuestionSummary(
        long number,
        String title,
        String slug,
        List<String> tags,
        int score,
        int answerCount,
        boolean hasAcceptedAnswer,
        long viewCount,
        Instant createdAt,
        Instant lastActivityAt,
        UserRef owner)
        implements Serializable {

    public QuestionSummary {
        tags = List.copyOf(tags);
    }
}
