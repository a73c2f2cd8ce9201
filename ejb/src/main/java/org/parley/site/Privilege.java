package org.parley.site;

/**
 * What a user may do on a site once their reputation there reaches the privilege's threshold: Stack Overflow's ladder,
 * in order. The thresholds here are the defaults; a site may set its own ({@link PrivilegeLadder}). Moderators and
 * admins have every privilege whatever their reputation.
 */
public enum Privilege {
    CREATE_POSTS(1, "Create posts", "Ask questions and answer them."),
    VOTE_UP(15, "Vote up", "Tell the community a question or answer is useful."),
    FLAG_POSTS(15, "Flag posts", "Bring a post or comment that needs attention to the community and the moderators."),
    COMMENT_EVERYWHERE(
            50, "Comment everywhere", "Comment on any post, not only on your own and on answers to your questions."),
    EDIT_COMMUNITY_WIKI(100, "Edit community wiki", "Edit posts that belong to the community."),
    VOTE_DOWN(
            125,
            "Vote down",
            "Tell the community a post is not useful; a down vote on an answer costs you 1 reputation."),
    REVIEW_FIRST_POSTS(500, "Review first posts", "Review the first questions and answers of new users."),
    SEE_VOTE_COUNTS(1_000, "See vote counts", "See how many up and down votes a post has had."),
    EDIT_FREELY(
            2_000,
            "Edit freely",
            "Edit any question or answer at once; below this, your edits are suggested and reviewed."),
    REVIEW_SUGGESTED_EDITS(
            2_000, "Review suggested edits", "Approve or reject the edits suggested by users who cannot edit freely."),
    CREATE_TAG_SYNONYMS(
            2_500,
            "Create tag synonyms",
            "Propose that one tag is another's synonym; needs an answer score of 5 in the tag, and a moderator approves."),
    CLOSE_REOPEN(
            3_000, "Cast close and reopen votes", "Vote to close questions that do not belong, and to reopen them."),
    REVIEW_CLOSE_REOPEN(
            3_000, "Review close and reopen votes", "Review the questions others voted to close or reopen."),
    EDIT_TAG_WIKIS(5_000, "Edit tag wikis", "Edit the excerpt and the wiki that say what a tag is for."),
    DELETE_VOTES(10_000, "Cast delete votes", "Vote to delete closed questions, and answers scored -1 or below."),
    MODERATOR_TOOLS(10_000, "Access to moderator tools", "See deleted posts and the site's flags and close votes."),
    TRUSTED_USER(
            20_000,
            "Trusted user",
            "Delete your own questions even when they have answers; your delete votes count more.");

    private final int defaultThreshold;
    private final String label;
    private final String description;

    Privilege(int defaultThreshold, String label, String description) {
        this.defaultThreshold = defaultThreshold;
        this.label = label;
        this.description = description;
    }

    /** The reputation a site asks for unless it sets its own. */
    public int defaultThreshold() {
        return defaultThreshold;
    }

    /** The privilege's name as pages show it: "Vote down". */
    public String label() {
        return label;
    }

    /** What the privilege lets a user do, in a sentence. */
    public String description() {
        return description;
    }
}
