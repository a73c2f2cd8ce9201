package org.parley.post;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.parley.user.UserRef;

/**
 * An answer on a question page. {@code bodyHtml} is sanitised; {@code myVote} is the viewer's vote or null.
 */
public record AnswerView(
        long number,
        String bodyHtml,
        int score,
        boolean accepted,
        Instant createdAt,
        Instant lastEditedAt,
        UserRef owner,
        List<CommentView> comments,
        VoteType myVote)
        implements Serializable {

    public AnswerView {
        comments = List.copyOf(comments);
    }
}
