package org.parley.review;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.parley.diff.DiffSegment;
import org.parley.user.UserRef;

/**
 * A review task as the reviewer sees it: the post, and for a suggested edit its diffs, for close and reopen votes the
 * votes so far, with the reviews already done and, once decided, the outcome.
 *
 * @param bodyHtml the post's body now (sanitised)
 * @param titleDiff for a suggested edit of a question: the title before and after; else empty
 * @param bodyDiff for a suggested edit: the Markdown before and after; else empty
 * @param tagsDiff for a suggested edit of a question: the tags before and after; else empty
 * @param votes for close and reopen votes: the pending votes' reasons in words; else empty
 * @param audit once the reviewer has reviewed an audit: that it was one, what the post was known to be, and whether
 *     they passed; null before and for real tasks (an audit looks like any task until it is reviewed)
 */
public record ReviewItem(
        long taskId,
        ReviewQueue queue,
        long postNumber,
        long questionNumber,
        String questionTitle,
        String questionSlug,
        boolean answer,
        String bodyHtml,
        UserRef author,
        Instant postedAt,
        UserRef proposer,
        String summary,
        List<DiffSegment> titleDiff,
        List<DiffSegment> bodyDiff,
        List<DiffSegment> tagsDiff,
        List<String> votes,
        List<Done> reviews,
        Instant completedAt,
        String outcome,
        String audit)
        implements Serializable {

    /** A review done: by whom, what. */
    public record Done(UserRef reviewer, ReviewAction action, Instant at) implements Serializable {}

    public boolean completed() {
        return completedAt != null;
    }
}
