package org.parley.common;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One page of a longer result list.
 *
 * @param items the rows of this page, never null
 * @param page the 1-based page number
 * @param pageSize the most rows a page holds
 * @param total how many rows all pages hold together
 */
public record Page<T>(List<T> items, int page, int pageSize, long total) implements Serializable {

    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (page < 1) {
            throw new IllegalArgumentException("page is 1-based: " + page);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive: " + pageSize);
        }
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative: " + total);
        }
    }

    /** An empty page, e.g. for a tag that does not exist. */
    public static <T> Page<T> empty(int page, int pageSize) {
        return new Page<>(List.of(), page, pageSize, 0);
    }

    /** How many pages the whole list has; 0 when it is empty. */
    public int totalPages() {
        return (int) ((total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }

    /** Index of this page's first row in the whole list, for setFirstResult. */
    public static int firstResult(int page, int pageSize) {
        return (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * pageSize);
    }
}
