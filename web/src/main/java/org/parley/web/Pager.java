package org.parley.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.parley.common.Page;

/**
 * The numbered links under a list: first, last, the current page and two either side, with gaps between, plus
 * previous and next. Plain links (GET), so every page of a list has its own URL.
 */
public final class Pager implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One entry: a page link, the current page (no link) or a gap ("…"). */
    public record Item(int number, String url, boolean current, boolean gap) implements Serializable {}

    private final List<Item> items;
    private final String previous;
    private final String next;

    private Pager(List<Item> items, String previous, String next) {
        this.items = items;
        this.previous = previous;
        this.next = next;
    }

    public static Pager of(Page<?> page, IntFunction<String> url) {
        int total = page.totalPages();
        int current = page.page();
        List<Item> items = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= total; n++) {
            boolean shown = n == 1 || n == total || Math.abs(n - current) <= 2;
            if (!shown) {
                continue;
            }
            if (last != 0 && n > last + 1) {
                items.add(new Item(0, null, false, true));
            }
            items.add(new Item(n, url.apply(n), n == current, false));
            last = n;
        }
        return new Pager(
                items,
                page.hasPrevious() ? url.apply(current - 1) : null,
                page.hasNext() && current < total ? url.apply(current + 1) : null);
    }

    public List<Item> getItems() {
        return items;
    }

    /** The previous page's URL, or null on the first page. */
    public String getPrevious() {
        return previous;
    }

    /** The next page's URL, or null on the last page. */
    public String getNext() {
        return next;
    }

    /** Whether there is more than one page, i.e. whether to show the pager at all. */
    public boolean isUseful() {
        return items.size() > 1;
    }
}
