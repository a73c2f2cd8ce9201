package org.parley.search;

import java.io.Serializable;
import java.util.List;

/**
 * One page of a search's results.
 *
 * @param query the query as parsed (after stop words were left out)
 * @param tab the order
 * @param page the page number, from 1
 * @param pageSize results a page ({@value SearchService#PAGE_SIZE})
 * @param total how many posts match in all, or at least ({@code totalExact} false: counting stopped at {@value
 *     SearchService#COUNT_LIMIT} or more)
 * @param totalExact whether {@code total} is exact
 * @param hits this page's results, in order
 * @param notes what the page should tell the user about how the query was read (searched as words, left out, …)
 * @param needsHelp nothing searchable was typed (empty, or common words only): the page explains what to type
 */
public record SearchResults(
        SearchQuery query,
        SearchTab tab,
        int page,
        int pageSize,
        long total,
        boolean totalExact,
        List<SearchHit> hits,
        List<String> notes,
        boolean needsHelp)
        implements Serializable {

    public SearchResults {
        hits = List.copyOf(hits);
        notes = List.copyOf(notes);
    }

    public int totalPages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
