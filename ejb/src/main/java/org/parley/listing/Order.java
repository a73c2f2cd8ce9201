package org.parley.listing;

import org.parley.listing.DocSort.DocComparator;
import org.parley.post.QuestionSort;

/**
 * The orders a snapshot keeps its documents in, and what each compares. They live apart from the snapshot because
 * three places must agree on them to the last tie: the build sorts by them, a change re-places documents by them, and
 * {@link SqlListing} spells the same orders in SQL.
 *
 * <p>{@link QuestionSort#UNANSWERED} is {@link #NEWEST} over the unanswered questions.
 */
enum Order {
    NEWEST,
    ACTIVE,
    VOTES,
    FREQUENT,
    HOT;

    /** Every order, in ordinal order; {@link #values()} would copy the array on each call. */
    static final Order[] ALL = values();

    static Order of(QuestionSort sort) {
        return switch (sort) {
            case NEWEST, UNANSWERED -> NEWEST;
            case ACTIVE -> ACTIVE;
            case VOTES -> VOTES;
            case FREQUENT -> FREQUENT;
            case HOT -> HOT;
        };
    }

    /** Whether this order keeps a run per large tag: the orders tag lists are mostly read in. */
    boolean hasRuns() {
        return this == NEWEST || this == VOTES;
    }

    /** Descending by the order's keys, then by question number: a total order, the same as {@link SqlListing}'s. */
    DocComparator comparator(SiteIndex.Columns columns) {
        // The lambdas capture the arrays, not the record: a sort calls them n log n times.
        long[] numbers = columns.numbers();
        long[] created = columns.created();
        long[] activity = columns.activity();
        int[] scores = columns.scores();
        int[] answers = columns.answers();
        return switch (this) {
            case NEWEST ->
                (a, b) -> {
                    int c = Long.compare(created[b], created[a]);
                    return c != 0 ? c : Long.compare(numbers[b], numbers[a]);
                };
            case ACTIVE ->
                (a, b) -> {
                    int c = Long.compare(activity[b], activity[a]);
                    return c != 0 ? c : Long.compare(numbers[b], numbers[a]);
                };
            case VOTES ->
                (a, b) -> {
                    int c = Integer.compare(scores[b], scores[a]);
                    if (c == 0) {
                        c = Long.compare(created[b], created[a]);
                    }
                    return c != 0 ? c : Long.compare(numbers[b], numbers[a]);
                };
            case FREQUENT ->
                (a, b) -> {
                    int c = Integer.compare(answers[b], answers[a]);
                    if (c == 0) {
                        c = Integer.compare(scores[b], scores[a]);
                    }
                    return c != 0 ? c : Long.compare(numbers[b], numbers[a]);
                };
            case HOT ->
                (a, b) -> {
                    int c = Integer.compare(hotness(scores[b], answers[b]), hotness(scores[a], answers[a]));
                    if (c == 0) {
                        c = Long.compare(activity[b], activity[a]);
                    }
                    return c != 0 ? c : Long.compare(numbers[b], numbers[a]);
                };
        };
    }

    /** As {@link SqlListing#HOTNESS} computes it. */
    static int hotness(int score, int answers) {
        return score * 3 + answers * 4;
    }

    /** Whether a change of document fields moves it in this order. */
    boolean keyChanged(SiteIndex.Columns old, int doc, QuestionRow row) {
        return switch (this) {
            case NEWEST -> old.created()[doc] != row.createdNanos();
            case ACTIVE -> old.activity()[doc] != row.activityNanos();
            case VOTES -> old.scores()[doc] != row.score() || old.created()[doc] != row.createdNanos();
            case FREQUENT -> old.answers()[doc] != row.answerCount() || old.scores()[doc] != row.score();
            case HOT ->
                old.scores()[doc] != row.score()
                        || old.answers()[doc] != row.answerCount()
                        || old.activity()[doc] != row.activityNanos();
        };
    }
}
