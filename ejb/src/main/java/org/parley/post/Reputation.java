package org.parley.post;

/**
 * Stack Overflow's reputation rules, as numbers. The entities apply them ({@link Post#vote}, {@link
 * Question#accept}); undoing a vote or an accept applies the same numbers negated.
 */
public final class Reputation {

    /** To the author of an upvoted question or answer. */
    public static final int UPVOTE = 10;
    /** To the author of a downvoted question or answer. */
    public static final int DOWNVOTED = -2;
    /** To the voter who downvotes an answer (downvoting questions is free). */
    public static final int DOWNVOTING_ANSWER = -1;
    /** To the author of an accepted answer. */
    public static final int ACCEPTED = 15;
    /** To the asker who accepts someone else's answer. */
    public static final int ACCEPTING = 2;

    private Reputation() {}

    /** What one vote is worth to the post's author and to the voter. */
    public record Delta(int author, int voter) {

        public Delta negate() {
            return new Delta(-author, -voter);
        }
    }

    /** What a vote of {@code type} is worth, on an answer ({@code onAnswer}) or a question. */
    public static Delta forVote(VoteType type, boolean onAnswer) {
        return switch (type) {
            case UP -> new Delta(UPVOTE, 0);
            case DOWN -> new Delta(DOWNVOTED, onAnswer ? DOWNVOTING_ANSWER : 0);
        };
    }
}
