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
}
