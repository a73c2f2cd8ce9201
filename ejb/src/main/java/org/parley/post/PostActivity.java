package org.parley.post;

import java.util.Objects;

/**
 * Something another user did to a post, fired as a CDI event by the post services inside the writing transaction so
 * that the owner's notification is written in that same transaction. Never fired for a user's own actions.
 *
 * @param siteId the site of the post
 * @param kind what happened
 * @param postNumber the post acted on: the question answered, the post commented or voted on, the answer accepted
 * @param ownerId the global user id of the post's owner, who is told
 * @param actorId the global user id of who did it
 * @param actorName who did it, as shown
 * @param questionNumber the question the post shows on, for the link
 * @param questionSlug that question's slug, for the link
 * @param targetNumber the post the link scrolls to (the new answer, or the post commented or voted on)
 * @param excerpt plain text shown with the notification (an answer's or comment's start, or the question title)
 */
public record PostActivity(
        long siteId,
        Kind kind,
        long postNumber,
        long ownerId,
        long actorId,
        String actorName,
        long questionNumber,
        String questionSlug,
        long targetNumber,
        String excerpt) {

    /** The longest excerpt carried. */
    public static final int MAX_EXCERPT = 140;

    public PostActivity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actorName, "actorName");
        Objects.requireNonNull(questionSlug, "questionSlug");
        excerpt = excerpt(excerpt);
        if (ownerId == actorId) {
            throw new IllegalArgumentException("Nobody is notified of their own " + kind);
        }
    }

    /** What happened to the owner's post. */
    public enum Kind {
        ANSWER,
        COMMENT,
        VOTE,
        ACCEPTED
    }

    /** {@code text} as one line of at most {@value #MAX_EXCERPT} characters, with an ellipsis when cut. */
    public static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("[\\s\\u00a0]+", " ").strip();
        return line.length() <= MAX_EXCERPT
                ? line
                : line.substring(0, MAX_EXCERPT - 1).stripTrailing() + "\u2026";
    }
}
