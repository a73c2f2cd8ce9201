package org.parley.post;

/** An up- or down-vote. */
public enum VoteType {
    UP(1),
    DOWN(-1);

    private final int value;

    VoteType(int value) {
        this.value = value;
    }

    /** What the vote adds to a post's score: +1 or -1. */
    public int value() {
        return value;
    }
}
