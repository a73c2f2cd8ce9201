package org.parley.cache;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The counters one cache (one region's L1, or the L2) keeps on one server, and the distribution of its get times
 * (an HdrHistogram in nanoseconds, 2 significant digits, resized as needed). Thread-safe; recording is wait-free.
 */
final class CacheStats {

    final LongAdder gets = new LongAdder();
    final LongAdder hits = new LongAdder();
    final LongAdder sets = new LongAdder();
    final LongAdder getNanos = new LongAdder();
    private final ConcurrentHistogram getTimes = new ConcurrentHistogram(2);

    void hit(long nanos) {
        gets.increment();
        hits.increment();
        record(nanos);
    }

    void miss(long nanos) {
        gets.increment();
        record(nanos);
    }

    private void record(long nanos) {
        getNanos.add(nanos);
        getTimes.recordValue(Math.max(0, nanos));
    }

    void set() {
        sets.increment();
    }

    /** A copy of the get-time distribution so far. */
    Histogram getTimes() {
        return getTimes.copy();
    }

    StatsSnapshot snapshot(
            String cache, String server, long uptimeSeconds, long currItems, long bytes, long evictions) {
        long g = gets.sum();
        long h = hits.sum();
        long s = sets.sum();
        return StatsSnapshot.of(
                cache, server, uptimeSeconds, currItems, s, bytes, g, s, h, evictions, getNanos.sum(), getTimes());
    }
}
