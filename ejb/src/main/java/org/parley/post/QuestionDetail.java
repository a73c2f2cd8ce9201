package org.parley.post;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.parley.user.UserRef;

/**
 * A question page: the question, its comments and its answers (accepted first, then score descending, then oldest
 * first). {@code bodyHtml} is sanitised; {@code myVote} is the viewer's vote on the question or null.
 *
 * @param lockedAt when a moderator locked the question (no votes, edits, comments or answers), or null
 * @param deletedAt when the question was deleted (only its author and users who see deleted posts see it), or null
 */
public record QuestionDetail(
        long number,
        String title,
        String slug,
        List<String> tags,
        String bodyHtml,
        String bodyMarkdown,
        int score,
        long viewCount,
        Instant createdAt,
        Instant lastActivityAt,
        Instant lastEditedAt,
        Instant closedAt,
        UserRef owner,
        Long acceptedAnswerNumber,
        List<CommentView> comments,
        List<AnswerView> answers,
        VoteType myVote,
        Instant lockedAt,
        Instant deletedAt)
        implements Serializable {

    public QuestionDetail {
        tags = List.copyOf(tags);
        comments = List.copyOf(comments);
        answers = List.copyOf(answers);
    }

    public boolean locked() {
        return lockedAt != null;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    /** This page with other answers and another vote of the viewer's on the question (for one viewer's view). */
    public QuestionDetail with(List<AnswerView> otherAnswers, VoteType otherVote) {
        return new QuestionDetail(
                number,
                title,
                slug,
                tags,
                bodyHtml,
                bodyMarkdown,
                score,
                viewCount,
                createdAt,
                lastActivityAt,
                lastEditedAt,
                closedAt,
                owner,
                acceptedAnswerNumber,
                comments,
                otherAnswers,
                otherVote,
                lockedAt,
                deletedAt);
    }
}
