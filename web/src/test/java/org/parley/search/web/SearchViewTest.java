package org.parley.search.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.search.SearchQueryParser;
import org.parley.search.SearchResults;
import org.parley.search.SearchService;
import org.parley.search.SearchTab;

class SearchViewTest {

    private static SearchResults results(int page, long total, boolean exact) {
        return new SearchResults(
                SearchQueryParser.parse("kettle"),
                SearchTab.RELEVANCE,
                page,
                SearchService.PAGE_SIZE,
                total,
                exact,
                List.of(),
                List.of(),
                false);
    }

    @Test
    void anExactCountIsSaidAsIs() {
        assertEquals("1 result", SearchView.count(1, true));
        assertEquals("0 results", SearchView.count(0, true));
        assertEquals("1,234 results", SearchView.count(1234, true));
    }

    @Test
    void aCountThatStoppedEarlySaysMoreThan() {
        assertEquals("More than 10,000 results", SearchView.count(10_000, false));
        assertEquals(
                "More than 10,000 results",
                SearchView.count(20_715, false),
                "how far past the limit counting got is not shown: it depends on the page and the index's blocks");
    }

    @Test
    void thePagerCountsExactTotalsAsTheyAre() {
        assertEquals(95, SearchView.pagedTotal(results(1, 95, true)));
    }

    @Test
    void thePagerAlwaysHasANextPageWhenCountingStoppedEarly() {
        long total = SearchView.pagedTotal(results(334, 10_020, false));
        assertEquals(10_050, total);
        assertEquals(335, (total + SearchService.PAGE_SIZE - 1) / SearchService.PAGE_SIZE);
    }

    @Test
    void thePagerStopsAtTheDeepestPage() {
        long total = SearchView.pagedTotal(results(SearchService.MAX_PAGE, 40_000, false));
        assertEquals((long) SearchService.MAX_PAGE * SearchService.PAGE_SIZE, total);
    }
}
