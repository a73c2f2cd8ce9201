package org.parley.moderation;

import java.util.Arrays;
import java.util.Optional;

/** Why a question is closed: Stack Overflow's reasons, numbered as the dumps number them (CloseReasonId). */
public enum CloseReason {
    DUPLICATE(101, "Duplicate", "This question has been asked before and already has an answer."),
    OFF_TOPIC(102, "Off-topic", "It is not about what this site is for: pick the site's reason, or say why."),
    NEEDS_DETAILS(
            103,
            "Needs details or clarity",
            "It needs more detail or a clearer statement of the problem before it can be answered."),
    NEEDS_FOCUS(104, "Needs more focus", "It asks more than one thing, or too broadly; it should ask one question."),
    OPINION_BASED(105, "Opinion-based", "Answers would be mostly opinions rather than facts, references or expertise.");

    /** The longest off-topic explanation. */
    public static final int MAX_NOTE = 200;

    private final int code;
    private final String label;
    private final String description;

    CloseReason(int code, String label, String description) {
        this.code = code;
        this.label = label;
        this.description = description;
    }

    /** The dumps' CloseReasonId. */
    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The reason with that CloseReasonId, if it is one of these. */
    public static Optional<CloseReason> ofCode(Integer code) {
        return code == null
                ? Optional.empty()
                : Arrays.stream(values()).filter(r -> r.code == code).findFirst();
    }
}
