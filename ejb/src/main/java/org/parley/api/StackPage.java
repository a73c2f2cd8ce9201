package org.parley.api;

import java.util.List;

/**
 * One page of a method's items.
 *
 * @param hasMore whether a later page has items
 * @param total how many items all pages hold; null when the filter did not ask (it costs a count)
 */
public record StackPage<T>(List<T> items, boolean hasMore, Long total) {

    public StackPage {
        items = List.copyOf(items);
    }

    public static <T> StackPage<T> empty(boolean withTotal) {
        return new StackPage<>(List.of(), false, withTotal ? 0L : null);
    }
}
