package org.parley.common;

/**
 * How services read page numbers and sizes that come straight from URLs: out-of-range values are brought into
 * range rather than refused, so a hand-edited {@code ?page=0} still shows something.
 */
public final class Paging {

    /** The largest page size any list accepts. */
    public static final int MAX_PAGE_SIZE = 100;

    private Paging() {}

    /** A page number below 1 is read as 1. */
    public static int page(int page) {
        return Math.max(1, page);
    }

    /** A page size is kept within 1..{@value #MAX_PAGE_SIZE}. */
    public static int pageSize(int pageSize) {
        return Math.min(MAX_PAGE_SIZE, Math.max(1, pageSize));
    }
}
