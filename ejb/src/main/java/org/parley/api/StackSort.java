package org.parley.api;

import java.util.Locale;
import java.util.Set;

/**
 * The {@code sort} values of the question, answer and comment methods, as Stack Exchange names them. {@code min} and
 * {@code max} bound the sort's own field: a date (Unix seconds) for activity and creation, a score for votes; hot, week
 * and month take neither, as Stack Exchange documents.
 */
public enum StackSort {
    /** {@code last_activity_date}, latest first. */
    ACTIVITY,
    /** {@code creation_date}, newest first. */
    CREATION,
    /** {@code score}, highest first. */
    VOTES,
    /** Parley's hot order (score and answers of the questions active lately), as the site's Hot tab. */
    HOT,
    /** The hot order over the questions active in the last 7 days. */
    WEEK,
    /** The hot order over the questions active in the last 30 days. */
    MONTH;

    /** The sorts of {@code /questions} and {@code /questions/{ids}}. */
    public static final Set<StackSort> QUESTION_SORTS = Set.of(ACTIVITY, CREATION, VOTES, HOT, WEEK, MONTH);

    /** The sorts of {@code /questions/unanswered}, {@code /answers} and answers on questions. */
    public static final Set<StackSort> POST_SORTS = Set.of(ACTIVITY, CREATION, VOTES);

    /** The sorts of the comment methods. */
    public static final Set<StackSort> COMMENT_SORTS = Set.of(CREATION, VOTES);

    /** The parameter value, e.g. {@code "activity"}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code min} and {@code max} are dates for this sort (else scores). */
    public boolean datedRange() {
        return this == ACTIVITY || this == CREATION;
    }

    /** Whether this sort takes {@code min} and {@code max} at all. */
    public boolean takesRange() {
        return this == ACTIVITY || this == CREATION || this == VOTES;
    }
}
