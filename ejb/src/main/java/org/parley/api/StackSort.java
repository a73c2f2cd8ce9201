package org.parley.api;

import java.util.Locale;
import java.util.Set;

/**
 * The {@code sort} values of the methods, as Stack Exchange names them. {@code min} and {@code max} bound the sort's own
 * field: a date (Unix seconds) for activity, creation, modified and awarded, a number for votes and reputation, a
 * string for name, rank ({@code gold}, {@code silver}, {@code bronze}) and type ({@code named}, {@code tag_based});
 * hot, week and month take neither, as Stack Exchange documents.
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
    MONTH,
    /** A user's {@code reputation}, highest first. */
    REPUTATION,
    /** A user's {@code display_name} (a badge's {@code name}), Z first in the default descending order. */
    NAME,
    /** A user's {@code last_modified_date}: Parley keeps none, so the creation date's order. */
    MODIFIED,
    /** A badge's {@code rank}: bronze is greater than silver, which is greater than gold (Stack Exchange's rule). */
    RANK,
    /** A badge's {@code badge_type}: tag_based is greater than named. */
    TYPE,
    /** When a badge was (last) awarded. */
    AWARDED,
    /** A tag's question count, highest first. */
    POPULAR,
    /** The search engine's best match first. */
    RELEVANCE;

    /** The sorts of {@code /questions} and {@code /questions/{ids}}. */
    public static final Set<StackSort> QUESTION_SORTS = Set.of(ACTIVITY, CREATION, VOTES, HOT, WEEK, MONTH);

    /** The sorts of {@code /questions/unanswered}, {@code /answers} and answers on questions. */
    public static final Set<StackSort> POST_SORTS = Set.of(ACTIVITY, CREATION, VOTES);

    /** The sorts of the comment methods. */
    public static final Set<StackSort> COMMENT_SORTS = Set.of(CREATION, VOTES);

    /** The sorts of {@code /users} and {@code /users/{ids}}; reputation is the default. */
    public static final Set<StackSort> USER_SORTS = Set.of(REPUTATION, CREATION, NAME, MODIFIED);

    /** The sorts of {@code /users/{ids}/badges}; rank is the default. */
    public static final Set<StackSort> USER_BADGE_SORTS = Set.of(RANK, NAME, TYPE, AWARDED);

    /** The sorts of {@code /badges} and {@code /badges/{ids}}; rank is the default. */
    public static final Set<StackSort> BADGE_SORTS = Set.of(RANK, NAME, TYPE);

    /** The sorts of {@code /search}, {@code /search/advanced} and {@code /similar}. */
    public static final Set<StackSort> SEARCH_SORTS = Set.of(ACTIVITY, CREATION, VOTES, RELEVANCE);

    /** The sorts of {@code /questions/{ids}/related}: rank (the Related list's order) is the default. */
    public static final Set<StackSort> RELATED_SORTS = Set.of(RANK, ACTIVITY, CREATION, VOTES);

    /** The sorts of {@code /tags} and {@code /tags/{tags}/info}; popular is the default. */
    public static final Set<StackSort> TAG_SORTS = Set.of(POPULAR, ACTIVITY, NAME);

    /** The parameter value, e.g. {@code "activity"}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code min} and {@code max} are dates for this sort (else scores). */
    public boolean datedRange() {
        return this == ACTIVITY || this == CREATION || this == MODIFIED || this == AWARDED;
    }

    /** Whether {@code min} and {@code max} are strings for this sort (a name, a rank or a badge type). */
    public boolean textRange() {
        return this == NAME || this == RANK || this == TYPE;
    }

    /** Whether this sort takes {@code min} and {@code max} at all. */
    public boolean takesRange() {
        return this != HOT && this != WEEK && this != MONTH;
    }
}
