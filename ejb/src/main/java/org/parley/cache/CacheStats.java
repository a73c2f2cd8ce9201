package org.parley.cache;

import java.util.concurrent.atomic.LongAdder;

/** The counters one cache (one region's L1, or the L2) keeps on one server. Thread-safe. */
final class CacheStats {

  final LongAdder gets = new LongAdder();
  final LongAdder hits = new LongAdder();
  final LongAdder sets = new LongAdder();
  final LongAdder getNanos = new LongAdder();

  void hit(long nanos) {
    gets.increment();
    hits.increment();
    getNanos.add(nanos);
  }

  void miss(long nanos) {
    gets.increment();
    getNanos.add(nanos);
  }

  void set() {
    sets.increment();
  }

  StatsSnapshot snapshot(
      String cache, String server, long uptimeSeconds, long currItems, long bytes, long evictions) {
    long g = gets.sum();
    long h = hits.sum();
    return new StatsSnapshot(
        cache, server, uptimeSeconds, currItems, sets.sum(), bytes, g, sets.sum(), h, g - h, evictions,
        g == 0 ? 0 : getNanos.sum() / g);
  }
}
