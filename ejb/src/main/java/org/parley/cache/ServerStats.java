package org.parley.cache;

import java.util.List;

/**
 * What one server publishes to the replicated {@code stats} cache: its node name, when it published (epoch
 * milliseconds) and its figures for every cache.
 */
public record ServerStats(String server, long publishedMillis, List<StatsSnapshot> caches) {

    public ServerStats {
        caches = List.copyOf(caches);
    }
}
