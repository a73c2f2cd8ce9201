package org.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.search.SearchTab;

class StackSearchTest {

    private static StackQuery query(StackSort sort, boolean ascending, Long min) {
        return new StackQuery(1, 30, sort, ascending, min, null, null, null, List.of(), false, false, null, null);
    }

    @Test
    void searchParametersBecomeTheQueryAPersonWouldType() {
        assertEquals(
                "is:question intitle:Domain intitle:name [discussion] -[bug]",
                StackSearch.simpleQuery(
                        Map.of("intitle", "Domain \"name\"", "tagged", "discussion", "nottagged", "bug")::get));
        StackException neither =
                assertThrows(StackException.class, () -> StackSearch.simpleQuery(Map.<String, String>of()::get));
        assertTrue(neither.getMessage().startsWith("tagged"), neither.getMessage());

        assertEquals(
                "is:question bike lights intitle:wheel body:spoke hasaccepted:yes closed:no answers:2 views:100 user:8"
                        + " [feature-request]",
                StackSearch.advancedQuery(Map.of(
                        "q", "bike lights",
                        "title", "wheel",
                        "body", "spoke",
                        "accepted", "True",
                        "closed", "false",
                        "answers", "2",
                        "views", "100",
                        "user", "8",
                        "tagged", "feature-request")::get));
        StackException accepted =
                assertThrows(StackException.class, () -> StackSearch.advancedQuery(Map.of("accepted", "maybe")::get));
        assertTrue(accepted.getMessage().startsWith("accepted"), accepted.getMessage());
        assertThrows(StackException.class, () -> StackSearch.advancedQuery(Map.of("answers", "-1")::get));
    }

    @Test
    void sortsAreTheSearchTabsDescendingOnly() {
        assertEquals(SearchTab.ACTIVE, StackSearch.tab(query(StackSort.ACTIVITY, false, null)));
        assertEquals(SearchTab.NEWEST, StackSearch.tab(query(StackSort.CREATION, false, null)));
        assertEquals(SearchTab.VOTES, StackSearch.tab(query(StackSort.VOTES, false, null)));
        assertEquals(SearchTab.RELEVANCE, StackSearch.tab(query(StackSort.RELEVANCE, false, null)));
        assertTrue(assertThrows(StackException.class, () -> StackSearch.tab(query(StackSort.VOTES, true, null)))
                .getMessage()
                .startsWith("order"));
        assertTrue(assertThrows(StackException.class, () -> StackSearch.tab(query(StackSort.VOTES, false, 3L)))
                .getMessage()
                .startsWith("min"));
    }
}
