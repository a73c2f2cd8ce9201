package org.parley.post;

import java.util.Locale;

/** Orders of the question lists. Each is total: ties go to the higher question number. */
public enum QuestionSort {
    /** Newest first. */
    NEWEST,
    /** Most recent activity (asked, answered, edited) first. */
    ACTIVE,
    /** Highest score first. */
    VOTES,
    /** Questions without answers, newest first. */
    UNANSWERED,
    /** Most answered first (then highest score). */
    FREQUENT,
    /**
     * Questions active in the 30 days before the site's latest activity (at least the 100 most recently active, so that
     * a quiet site's lists stay full), those with many votes and answers first. (View
     * counts are left out: they change without a row version, so neither the tag engine nor its catch-up could follow.)
     */
    HOT;

    /** Reads a URL parameter such as {@code "votes"}; null, blank or unknown values give {@code fallback}. */
    public static QuestionSort parse(String value, QuestionSort fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
