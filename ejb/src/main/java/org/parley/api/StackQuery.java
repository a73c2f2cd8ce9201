package org.parley.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one list method was asked for, checked: see {@link StackParameters}.
 *
 * @param page 1-based
 * @param pageSize 0..100 (0 lists nothing: a client asking only for {@code total} or {@code has_more})
 * @param sort the order, one the method takes
 * @param ascending {@code order=asc}
 * @param min lower bound of the sort's field (Unix seconds or a score), inclusive; null for none
 * @param max upper bound of the sort's field, inclusive; null for none
 * @param fromDate lower bound of {@code creation_date}, inclusive; null for none
 * @param toDate upper bound of {@code creation_date}, inclusive; null for none
 * @param tagged tags every question must carry (questions only); empty for none
 * @param body whether the filter asks for bodies
 * @param total whether the filter asks for the total
 * @param minText lower bound of a sort on a string (name, rank, type), inclusive; null for none
 * @param maxText upper bound of a sort on a string, inclusive; null for none
 */
public record StackQuery(
        int page,
        int pageSize,
        StackSort sort,
        boolean ascending,
        Long min,
        Long max,
        Instant fromDate,
        Instant toDate,
        List<String> tagged,
        boolean body,
        boolean total,
        String minText,
        String maxText) {

    public StackQuery {
        Objects.requireNonNull(sort, "sort");
        tagged = tagged == null ? List.of() : List.copyOf(tagged);
        if (page < 1 || pageSize < 0 || pageSize > StackParameters.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page " + page + ", page size " + pageSize);
        }
    }

    /** Whether anything narrows the list beyond the sort: ranges or dates. */
    public boolean ranged() {
        return min != null || max != null || fromDate != null || toDate != null || minText != null || maxText != null;
    }

    /** Index of the page's first row. */
    public int firstResult() {
        return (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * pageSize);
    }
}
