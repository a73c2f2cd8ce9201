package org.parley.cache.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.cache.ClusterStats;
import org.parley.cache.ServerStats;
import org.parley.cache.StatsSnapshot;
import org.parley.common.ClusterNode;
import org.parley.rules.NotAllowedException;
import org.parley.user.security.Viewer;

/**
 * The cache statistics page ({@code /admin/cache}): the shared tier's L1 regions and L2 in memcached's STAT
 * vocabulary, totals over the cluster first, then each server's own. web.xml lets only the {@code admin} role in;
 * the page checks again.
 */
@Named
@RequestScoped
public class CacheStatsView {

    /** One table of the page: a title and one column per cache. */
    public record Table(String id, String title, String note, List<StatsSnapshot> stats) {}

    @Inject
    private ClusterStats cluster;

    @Inject
    private Viewer viewer;

    private List<Table> tables;
    private int servers;

    public void load() {
        if (!viewer.isAdmin()) {
            throw new NotAllowedException("Only admins can see cache statistics.");
        }
        List<ServerStats> all = cluster.servers();
        servers = all.size();
        tables = new ArrayList<>();
        tables.add(new Table(
                "cluster",
                "Cluster: " + servers + (servers == 1 ? " server" : " servers"),
                "Counters added up, get times merged over every server's lookups.",
                ClusterStats.totals(all)));
        long now = System.currentTimeMillis();
        for (ServerStats s : all) {
            boolean self = s.server().equals(ClusterNode.name());
            long age = Math.max(0, (now - s.publishedMillis()) / 1000);
            tables.add(new Table(
                    "server-" + s.server(),
                    "Server " + s.server() + (self ? " (this one)" : ""),
                    self ? "Figures as of this page." : "Figures published " + age + " s ago.",
                    s.caches()));
        }
    }

    /**
     * The share of lookups the tier answered from L1 or L2, of all L1 lookups (every lookup starts there), as
     * "0.9731"; "-" before any lookup. L2's own hit ratio says something else: L2 is asked only after an L1 miss, and
     * a value goes into both at once with the same lifetime, so on one server L2 holds nothing L1 lacks (unless L1
     * evicted it for size) and its ratio stays near 0 by design; its hits are values another server loaded.
     */
    public String tierHitRatio(List<StatsSnapshot> stats) {
        return tierRatio(stats);
    }

    static String tierRatio(List<StatsSnapshot> stats) {
        long gets = 0;
        long hits = 0;
        for (StatsSnapshot s : stats) {
            if (s.cache().startsWith("l1.")) {
                gets += s.cmdGet();
                hits += s.getHits();
            } else if (s.cache().equals("l2") || s.cache().startsWith("l2.")) {
                hits += s.getHits();
            }
        }
        return gets == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.4f", (double) hits / gets);
    }

    public List<Table> getTables() {
        return tables;
    }

    public int getServers() {
        return servers;
    }

    /** The STAT names, in memcached's order, for the tables' rows. */
    public List<String> getNames() {
        for (Table t : tables) {
            if (!t.stats().isEmpty()) {
                return List.copyOf(t.stats().get(0).stats().keySet());
            }
        }
        return List.of();
    }

    public Map<String, String> values(StatsSnapshot s) {
        return s.stats();
    }

    public String getServer() {
        return ClusterNode.name();
    }
}
