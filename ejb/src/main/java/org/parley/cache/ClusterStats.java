package org.parley.cache;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.infinispan.Cache;
import org.parley.cache.proto.Marshalling;
import org.parley.common.ClusterNode;

/**
 * The shared tier's statistics across the cluster: every server puts its own figures ({@link SharedCache#stats}) into
 * the small replicated cache {@code stats} every {@value #PUBLISH_SECONDS} seconds, as ProtoStream bytes that live
 * {@value #LIFESPAN_SECONDS} seconds, so a server that stopped drops out by itself. Any server then shows every
 * server's figures and their totals, get-time distributions merged.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterStats {

    static final int PUBLISH_SECONDS = 5;
    static final int LIFESPAN_SECONDS = 30;
    private static final Logger log = Logger.getLogger(ClusterStats.class.getName());
    private static final String PREFIX = "server/";

    @Resource(lookup = CacheNames.STATS_JNDI)
    private Cache<String, Object> stats;

    @Inject
    private SharedCache cache;

    /** Puts this server's current figures into the replicated cache. */
    @Schedule(second = "*/" + PUBLISH_SECONDS, minute = "*", hour = "*", persistent = false)
    public void publish() {
        ServerStats mine = new ServerStats(ClusterNode.name(), System.currentTimeMillis(), cache.stats());
        stats.put(PREFIX + mine.server(), Marshalling.toBytes(mine), LIFESPAN_SECONDS, TimeUnit.SECONDS);
    }

    /** Every server's latest figures, this server's fresh, sorted by server name. */
    public List<ServerStats> servers() {
        publish();
        List<ServerStats> all = new ArrayList<>();
        for (Map.Entry<String, Object> e : stats.entrySet()) {
            if (e.getKey().startsWith(PREFIX) && e.getValue() instanceof byte[] bytes) {
                try {
                    all.add((ServerStats) Marshalling.fromBytes(bytes));
                } catch (RuntimeException ex) {
                    // A server on another version may publish a shape this one cannot read; show the others.
                    log.log(Level.FINE, "Unreadable statistics under {0}: {1}", new Object[] {e.getKey(), ex.toString()
                    });
                }
            }
        }
        all.sort(Comparator.comparing(ServerStats::server));
        return all;
    }

    /** Each cache's totals over {@code servers}, in the order the caches first appear. */
    public static List<StatsSnapshot> totals(List<ServerStats> servers) {
        Map<String, List<StatsSnapshot>> byCache = new LinkedHashMap<>();
        for (ServerStats server : servers) {
            for (StatsSnapshot s : server.caches()) {
                byCache.computeIfAbsent(s.cache(), k -> new ArrayList<>()).add(s);
            }
        }
        List<StatsSnapshot> totals = new ArrayList<>();
        byCache.forEach((name, list) -> totals.add(StatsSnapshot.total(name, list)));
        return totals;
    }
}
