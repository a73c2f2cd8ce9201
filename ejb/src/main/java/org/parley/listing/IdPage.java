package org.parley.listing;

import java.util.List;

/**
 * One page of a question list as numbers, and how many questions the whole list has.
 *
 * @param numbers the questions of the page, in list order
 * @param total the length of the whole list
 * @param unknownTags tags the expression named that no question of the site carries (for a hint)
 */
public record IdPage(List<Long> numbers, long total, List<String> unknownTags) {

    public IdPage {
        numbers = List.copyOf(numbers);
        unknownTags = List.copyOf(unknownTags);
    }

    public IdPage(List<Long> numbers, long total) {
        this(numbers, total, List.of());
    }
}
