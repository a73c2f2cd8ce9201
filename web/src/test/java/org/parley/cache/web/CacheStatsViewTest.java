package org.parley.cache.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.cache.StatsSnapshot;

class CacheStatsViewTest {

    private static StatsSnapshot stats(String cache, long gets, long hits) {
        return new StatsSnapshot(cache, "a", 10, 0, 0, 0, gets, 0, hits, gets - hits, 0, 0, null);
    }

    @Test
    void theTierAnswersWhatL1OrL2Hit() {
        // One server: L2 is asked for each of L1's 2,244 misses and never hits, yet the tier answers 90% of lookups.
        List<StatsSnapshot> oneServer =
                List.of(stats("l1.page", 12_000, 10_000), stats("l1.site", 10_440, 10_196), stats("l2", 2_244, 0));
        assertEquals("0.9000", CacheStatsView.tierRatio(oneServer));
        assertEquals(
                "0.9446",
                CacheStatsView.tierRatio(List.of(stats("l1.page", 12_000, 10_000), stats("l2", 2_000, 1_335))));
        assertEquals("-", CacheStatsView.tierRatio(List.of(stats("l2", 0, 0))));
    }
}
