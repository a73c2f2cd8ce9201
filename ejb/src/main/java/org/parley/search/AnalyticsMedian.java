package org.parley.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hibernate.search.util.common.data.Range;

/**
 * The exact median of many groups of whole numbers, found with range aggregations alone (the aggregation DSL has no
 * percentiles). Each group's values sit in the index as {@code base + value} with {@code value} in 0..{@link
 * AnalyticsMonths#MAX_SECONDS}; one query counts every group's buckets at once.
 *
 * <p>The first query counts power-of-two buckets ([0,1), [1,2), [2,4) … [2^39, 2^40)), which gives each group's size
 * n and the bucket holding the value of rank ⌈n/2⌉; each later query splits every group's remaining bucket into up to
 * {@value #SPLIT} equal parts, until each bucket is one value wide. A median of a day (2^16..2^17 s) takes four
 * queries. The result is the lower median (the value of rank ⌈n/2⌉), which is what SQL's {@code PERCENTILE_DISC(0.5)}
 * returns.
 */
public final class AnalyticsMedian {

    /** Parts a bucket is split into per query. */
    static final int SPLIT = 64;

    private static final int POWERS = 41;

    /**
     * One group's result.
     *
     * @param count how many values the group has
     * @param median the lower median, null when the group is empty
     */
    public record Result(long count, Long median) {}

    private AnalyticsMedian() {}

    /**
     * Medians of the groups whose keys start at {@code bases}.
     *
     * @param counter counts the documents whose key lies in each range (lower bound included, upper excluded), in the
     *     order given; called once per narrowing step
     * @return one result per base, in order
     */
    public static List<Result> of(List<Long> bases, Function<List<Range<Long>>, List<Long>> counter) {
        int groups = bases.size();
        long[] lo = new long[groups];
        long[] hi = new long[groups];
        long[] rank = new long[groups];
        long[] count = new long[groups];
        boolean[] done = new boolean[groups];

        List<Range<Long>> first = new ArrayList<>(groups * POWERS);
        for (long base : bases) {
            first.add(Range.canonical(base, base + 1));
            for (int p = 0; p < POWERS - 1; p++) {
                first.add(Range.canonical(base + (1L << p), base + (1L << (p + 1))));
            }
        }
        List<Long> counts = counter.apply(first);
        for (int g = 0; g < groups; g++) {
            List<Long> mine = counts.subList(g * POWERS, (g + 1) * POWERS);
            count[g] = mine.stream().mapToLong(Long::longValue).sum();
            if (count[g] == 0) {
                done[g] = true;
                continue;
            }
            rank[g] = (count[g] + 1) / 2;
            long bucketLo = 0;
            long bucketHi = 1;
            long below = 0;
            for (int b = 0; b < POWERS; b++) {
                bucketLo = b == 0 ? 0 : 1L << (b - 1);
                bucketHi = b == 0 ? 1 : 1L << b;
                if (below + mine.get(b) >= rank[g]) {
                    break;
                }
                below += mine.get(b);
            }
            lo[g] = bucketLo;
            hi[g] = bucketHi;
            rank[g] -= below;
            done[g] = hi[g] - lo[g] == 1;
        }

        while (true) {
            List<Integer> active = new ArrayList<>();
            List<Range<Long>> ranges = new ArrayList<>();
            List<long[]> parts = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                if (done[g]) {
                    continue;
                }
                long width = hi[g] - lo[g];
                long step = (width + SPLIT - 1) / SPLIT;
                List<Long> bounds = new ArrayList<>();
                for (long from = lo[g]; from < hi[g]; from += step) {
                    bounds.add(from);
                }
                bounds.add(hi[g]);
                long[] b = bounds.stream().mapToLong(Long::longValue).toArray();
                for (int i = 0; i + 1 < b.length; i++) {
                    ranges.add(Range.canonical(bases.get(g) + b[i], bases.get(g) + b[i + 1]));
                }
                active.add(g);
                parts.add(b);
            }
            if (active.isEmpty()) {
                break;
            }
            List<Long> step = counter.apply(ranges);
            int at = 0;
            for (int a = 0; a < active.size(); a++) {
                int g = active.get(a);
                long[] b = parts.get(a);
                long below = 0;
                boolean found = false;
                for (int i = 0; i + 1 < b.length && !found; i++) {
                    long c = step.get(at + i);
                    if (below + c >= rank[g]) {
                        lo[g] = b[i];
                        hi[g] = b[i + 1];
                        rank[g] -= below;
                        found = true;
                    }
                    below += c;
                }
                at += b.length - 1;
                // Not found: the index changed between two queries (a document written meanwhile); stop at the bucket.
                done[g] = !found || hi[g] - lo[g] == 1;
            }
        }

        List<Result> results = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            results.add(new Result(count[g], count[g] == 0 ? null : lo[g]));
        }
        return results;
    }
}
