package org.parley.post;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.parley.user.UserRef;

/**
 * An answer on a question page. {@code bodyHtml} is sanitised; {@code myVote} is the viewer's vote or null.
 *
 * @param lockedAt when a moderator locked it (no votes, edits or comments), or null
 * @param deletedAt when it was deleted (only its author and users who see deleted posts see it), or null
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
        VoteType myVote,
        Instant lockedAt,
        Instant deletedAt)
        implements Serializable {

    public AnswerView {
        comments = List.copyOf(comments);
    }

    public boolean locked() {
        return lockedAt != null;
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
