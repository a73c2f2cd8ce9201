package org.parley.listing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.parley.post.QuestionSort;

class SortLabelsTest {

    @Test
    void listTitlesReadAsEnglish() {
        assertEquals("Highest-voted questions", SortLabels.title(QuestionSort.VOTES, 1));
        assertEquals("Newest questions, page 3", SortLabels.title(QuestionSort.NEWEST, 3));
        assertEquals("Recently active questions", SortLabels.title(QuestionSort.ACTIVE, 0));
        for (QuestionSort sort : QuestionSort.values()) {
            String title = SortLabels.title(sort, 1);
            assertEquals(Character.toUpperCase(title.charAt(0)), title.charAt(0));
            assertEquals(true, title.endsWith("questions"), title);
        }
    }
}
