package org.parley.listing.web;

import org.parley.post.QuestionSort;

/** What the sort tabs say. */
final class SortLabels {

    private SortLabels() {}

    static String of(QuestionSort sort) {
        return switch (sort) {
            case NEWEST -> "Newest";
            case ACTIVE -> "Active";
            case VOTES -> "Votes";
            case UNANSWERED -> "Unanswered";
            case FREQUENT -> "Frequent";
            case HOT -> "Hot";
        };
    }

    /** A list's page title, e.g. "Highest-voted questions" or "Newest questions, page 3". */
    static String title(QuestionSort sort, int page) {
        String what = switch (sort) {
            case NEWEST -> "Newest questions";
            case ACTIVE -> "Recently active questions";
            case VOTES -> "Highest-voted questions";
            case UNANSWERED -> "Unanswered questions";
            case FREQUENT -> "Most-answered questions";
            case HOT -> "Hot questions";
        };
        return page > 1 ? what + ", page " + page : what;
    }
}
