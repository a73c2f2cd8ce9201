package org.parley.review;

/**
 * What an audit task tests a reviewer with: a post known to be good (a high positive score) or known to be bad
 * (deleted by the community after spam, rude or low-quality flags or review, or heavily down voted). The post is only
 * shown; reviewing an audit never changes it.
 */
public enum Audit {
    GOOD("a post known to be good: its score is high"),
    BAD("a post known to be bad: the community deleted it, or voted it far down");

    private final String known;

    Audit(String known) {
        this.known = known;
    }

    /** What made the post a test, in words. */
    public String known() {
        return known;
    }

    /**
     * Whether {@code action} on this audit in {@code queue} passes it (true), fails it (false), or counts neither way
     * (null: a skip). First posts take only "Looks OK", so there declining to pass a known-bad post (Skip) is right.
     */
    Boolean passedBy(ReviewQueue queue, ReviewAction action) {
        if (this == GOOD) {
            return action == ReviewAction.SKIP ? null : action == ReviewAction.LOOKS_OK;
        }
        if (action == ReviewAction.SKIP) {
            return queue == ReviewQueue.FIRST_POSTS ? Boolean.TRUE : null;
        }
        return action == ReviewAction.RECOMMEND_DELETION;
    }
}
