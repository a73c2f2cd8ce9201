package org.parley.accesslog;

import java.util.Arrays;

/**
 * Percentiles by the nearest-rank method over one period's values: the p-th percentile is the smallest value with at
 * least p % of the values at or under it, so it is always a value that occurred (p50 of 1, 2, 3, 4 is 2).
 */
public final class Percentiles {

    private long[] values = new long[64];
    private int size;
    private boolean sorted = true;

    public void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
        sorted = false;
    }

    public int size() {
        return size;
    }

    /** The {@code p}-th percentile (0 &lt; p &le; 100), or 0 when there are no values. */
    public long percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("A percentile is above 0 and at most 100: " + p);
        }
        if (size == 0) {
            return 0;
        }
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
        int rank = (int) Math.ceil(p / 100 * size);
        return values[Math.max(0, rank - 1)];
    }
}
