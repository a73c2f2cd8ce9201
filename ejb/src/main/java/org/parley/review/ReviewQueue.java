package org.parley.review;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parley.site.Privilege;

/**
 * The review queues, with Stack Overflow's privileges and the reviews a task takes before it completes: an action
 * reaching its count decides the task (first posts and late answers: one "Looks OK"; suggested edits: two approvals
 * or two rejections; close and reopen votes: three "Leave open" or "Leave closed", while "Close" and "Reopen" cast the
 * reviewer's vote and the question's own votes decide; low quality: two "Looks OK" or three "Recommend deletion").
 */
public enum ReviewQueue {
    FIRST_POSTS(
            "First posts",
            "The first questions and answers of new users: welcome them, and make sure the post is fine.",
            Privilege.REVIEW_FIRST_POSTS,
            List.of(ReviewAction.LOOKS_OK),
            1),
    LATE_ANSWERS(
            "Late answers",
            "Answers from new users to questions that are more than 30 days old.",
            Privilege.REVIEW_FIRST_POSTS,
            List.of(ReviewAction.LOOKS_OK),
            1),
    SUGGESTED_EDITS(
            "Suggested edits",
            "Edits suggested by users who cannot edit freely yet: approve or reject them.",
            Privilege.REVIEW_SUGGESTED_EDITS,
            List.of(ReviewAction.APPROVE, ReviewAction.REJECT),
            2),
    CLOSE_VOTES(
            "Close votes",
            "Questions others voted to close: close them too, or leave them open.",
            Privilege.REVIEW_CLOSE_REOPEN,
            List.of(ReviewAction.CLOSE, ReviewAction.LEAVE_OPEN),
            3),
    REOPEN_VOTES(
            "Reopen votes",
            "Closed questions others voted to reopen: reopen them too, or leave them closed.",
            Privilege.REVIEW_CLOSE_REOPEN,
            List.of(ReviewAction.REOPEN, ReviewAction.LEAVE_CLOSED),
            3),
    LOW_QUALITY(
            "Low quality posts",
            "Posts flagged as very low quality or not an answer: do they look OK, or should they go?",
            Privilege.REVIEW_SUGGESTED_EDITS,
            List.of(ReviewAction.LOOKS_OK, ReviewAction.RECOMMEND_DELETION),
            2);

    /** Reviews one user may do in one queue in one day (UTC), as on Stack Overflow. */
    public static final int DAILY_LIMIT = 20;

    private final String label;
    private final String description;
    private final Privilege privilege;
    private final List<ReviewAction> actions;
    private final int reviewsNeeded;

    ReviewQueue(String label, String description, Privilege privilege, List<ReviewAction> actions, int reviewsNeeded) {
        this.label = label;
        this.description = description;
        this.privilege = privilege;
        this.actions = actions;
        this.reviewsNeeded = reviewsNeeded;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public Privilege privilege() {
        return privilege;
    }

    /** The actions a reviewer chooses from (besides Skip). */
    public List<ReviewAction> actions() {
        return actions;
    }

    /** How many reviews with one action decide a task (for close, reopen and low quality: see the class comment). */
    public int reviewsNeeded() {
        return reviewsNeeded;
    }

    /** How many reviews with {@code action} decide a task of this queue; 0 when the action alone never does. */
    public int needed(ReviewAction action) {
        return switch (this) {
            case CLOSE_VOTES -> action == ReviewAction.LEAVE_OPEN ? 3 : 0;
            case REOPEN_VOTES -> action == ReviewAction.LEAVE_CLOSED ? 3 : 0;
            case LOW_QUALITY -> action == ReviewAction.RECOMMEND_DELETION ? 3 : action == ReviewAction.LOOKS_OK ? 2 : 0;
            default -> actions.contains(action) ? reviewsNeeded : 0;
        };
    }

    /** Whether reviewers of this queue are tested now and then with audits: known-good and known-bad posts. */
    public boolean audited() {
        return this == FIRST_POSTS || this == LOW_QUALITY;
    }

    /** The queue's path segment: {@code first-posts}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The queue named by a path segment, if any. */
    public static Optional<ReviewQueue> ofSlug(String slug) {
        for (ReviewQueue q : values()) {
            if (q.slug().equals(slug)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }
}
