package org.parley.flag;

/** Why something is flagged, and what it may be flagged on. */
public enum FlagKind {
    SPAM("Spam", "It promotes a product or service and does not disclose the author's affiliation.", true, true, true),
    RUDE(
            "Rude or abusive",
            "A reasonable person would find it inappropriate for respectful discourse.",
            true,
            true,
            true),
    NOT_AN_ANSWER(
            "Not an answer",
            "It does not attempt to answer the question: a new question, a thank you, a comment.",
            false,
            true,
            false),
    LOW_QUALITY(
            "Very low quality",
            "It has severe content or formatting problems and is unlikely to be salvageable by editing.",
            true,
            true,
            false),
    NO_LONGER_NEEDED(
            "No longer needed",
            "The comment is outdated, conversational or not relevant to the post.",
            false,
            false,
            true),
    NEEDS_MODERATOR(
            "Needs moderator intervention", "Something else a moderator should look at: say what.", true, true, true);

    /** The longest explanation of a flag. */
    public static final int MAX_TEXT = 500;

    /** The shortest explanation a "needs moderator intervention" flag takes. */
    public static final int MIN_TEXT = 10;

    private final String label;
    private final String description;
    private final boolean onQuestions;
    private final boolean onAnswers;
    private final boolean onComments;

    FlagKind(String label, String description, boolean onQuestions, boolean onAnswers, boolean onComments) {
        this.label = label;
        this.description = description;
        this.onQuestions = onQuestions;
        this.onAnswers = onAnswers;
        this.onComments = onComments;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Whether a flag of this kind can be raised on a question, an answer or a comment. */
    public boolean fits(FlagTarget target) {
        return switch (target) {
            case QUESTION -> onQuestions;
            case ANSWER -> onAnswers;
            case COMMENT -> onComments;
        };
    }

    /** Spam and rude flags count towards hiding a post at once. */
    public boolean hides() {
        return this == SPAM || this == RUDE;
    }
}
