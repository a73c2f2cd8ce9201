package org.parley.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hibernate.search.util.common.data.Range;
import org.junit.jupiter.api.Test;

/** The median from range counts alone equals the lower median of the sorted values, for every group at once. */
class AnalyticsMedianTest {

    /** A fake index: counts the keys in each range as a range aggregation would, and counts the queries. */
    static final class Counter {
        final List<Long> keys = new ArrayList<>();
        int queries;

        List<Long> count(List<Range<Long>> ranges) {
            queries++;
            return ranges.stream()
                    .map(r -> keys.stream()
                            .filter(k -> k >= r.lowerBoundValue().orElseThrow()
                                    && k < r.upperBoundValue().orElseThrow())
                            .count())
                    .toList();
        }
    }

    static Long lowerMedian(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() + 1) / 2 - 1);
    }

    @Test
    void smallGroupsGiveTheValueOfRankHalfNRoundedUp() {
        Counter c = new Counter();
        long a = AnalyticsMonths.base(YearMonth.of(2026, 1));
        long b = AnalyticsMonths.base(YearMonth.of(2026, 2));
        long e = AnalyticsMonths.base(YearMonth.of(2026, 3));
        c.keys.addAll(List.of(a + 60, a + 3600, a + 7200, a + 86_400)); // four values: the 2nd, 3600
        c.keys.addAll(List.of(b + 0, b + 5, b + 5)); // three values: 5
        List<AnalyticsMedian.Result> r = AnalyticsMedian.of(List.of(a, b, e), c::count);
        assertEquals(new AnalyticsMedian.Result(4, 3600L), r.get(0));
        assertEquals(new AnalyticsMedian.Result(3, 5L), r.get(1));
        assertEquals(0, r.get(2).count());
        assertNull(r.get(2).median(), "an empty month has no median");
    }

    @Test
    void randomGroupsMatchSortingInAFewQueries() {
        Random random = new Random(16);
        for (int round = 0; round < 30; round++) {
            Counter c = new Counter();
            List<Long> bases = new ArrayList<>();
            List<List<Long>> groups = new ArrayList<>();
            for (int g = 0; g < 6; g++) {
                long base = AnalyticsMonths.base(YearMonth.of(2020, g + 1));
                bases.add(base);
                List<Long> values = new ArrayList<>();
                int n = random.nextInt(40);
                for (int i = 0; i < n; i++) {
                    // Mostly minutes to days, sometimes years: the spread real answer times have.
                    long v = random.nextInt(10) == 0
                            ? (long) (random.nextDouble() * 400_000_000L)
                            : (long) Math.exp(random.nextDouble() * 13);
                    values.add(v);
                    c.keys.add(base + v);
                }
                groups.add(values);
            }
            List<AnalyticsMedian.Result> r = AnalyticsMedian.of(bases, c::count);
            for (int g = 0; g < groups.size(); g++) {
                assertEquals(groups.get(g).size(), r.get(g).count());
                assertEquals(lowerMedian(groups.get(g)), r.get(g).median(), "round " + round + " group " + g);
            }
            assertTrue(c.queries <= 6, "queries: " + c.queries);
        }
    }

    @Test
    void theLargestStoredValueIsFound() {
        Counter c = new Counter();
        c.keys.add(AnalyticsMonths.MAX_SECONDS);
        assertEquals(
                AnalyticsMonths.MAX_SECONDS,
                AnalyticsMedian.of(List.of(0L), c::count).get(0).median());
    }
}
