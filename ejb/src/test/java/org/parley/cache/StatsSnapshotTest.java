package org.parley.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Get-time percentiles of one cache, and totals over servers that merge distributions instead of averaging them. */
class StatsSnapshotTest {

    @Test
    void percentilesComeFromEveryRecordedGet() {
        CacheStats stats = new CacheStats();
        for (int i = 1; i <= 99; i++) {
            stats.hit(1_000); // 1 us
        }
        stats.miss(5_000_000); // one 5 ms outlier
        StatsSnapshot s = stats.snapshot("l2", "a", 10, 0, 0, 0);
        assertEquals(100, s.cmdGet());
        assertEquals(99, s.getHits());
        assertEquals(1, s.getMisses());
        assertEquals(1_000, s.getNanosAt(50), 10, "p50 is the typical get");
        assertEquals(5_000_000, s.maxGetNanos(), 50_000, "the outlier is the max");
        assertTrue(s.meanGetNanos() > 50_000, "while one outlier drags the mean 50x up: " + s.meanGetNanos());
        Map<String, String> m = s.stats();
        assertEquals("1.00", m.get("get_p50_us"));
        assertTrue(
                m.keySet().containsAll(List.of("mean_get_us", "get_p50_us", "get_p99_us", "get_max_us")), m.toString());
    }

    @Test
    void clusterTotalsAddCountersAndMergeDistributions() {
        CacheStats fast = new CacheStats();
        CacheStats slow = new CacheStats();
        for (int i = 0; i < 900; i++) {
            fast.hit(1_000);
        }
        for (int i = 0; i < 100; i++) {
            slow.miss(1_000_000);
        }
        fast.set();
        slow.set();
        StatsSnapshot a = fast.snapshot("l2", "a", 100, 5, 1000, -1);
        StatsSnapshot b = slow.snapshot("l2", "b", 200, 7, 2000, 3);
        StatsSnapshot total = StatsSnapshot.total("l2", List.of(a, b));

        assertEquals(StatsSnapshot.CLUSTER, total.server());
        assertEquals(1000, total.cmdGet());
        assertEquals(900, total.getHits());
        assertEquals(100, total.getMisses());
        assertEquals(2, total.cmdSet());
        assertEquals(12, total.currItems());
        assertEquals(3000, total.bytes());
        assertEquals(200, total.uptime(), "the longest uptime");
        assertEquals(-1, total.evictions(), "unknown on one server is unknown in total");
        assertEquals(1_000, total.getNanosAt(50), 10, "p50 over all 1,000 gets: a fast one");
        assertEquals(
                1_000_000,
                total.getNanosAt(99),
                10_000,
                "p99 over all gets: a slow one (neither server's p99 averaged)");
        assertEquals(0.9, total.hitRatio(), 1e-9);
    }
}
