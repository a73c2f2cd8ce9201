package org.parley.cache.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.parley.cache.SharedCache;
import org.parley.cache.StatsSnapshot;
import org.parley.cluster.ClusterNode;
import org.parley.rules.NotAllowedException;
import org.parley.user.security.Viewer;

/**
 * The cache statistics page ({@code /admin/cache}): this server's L1 regions and L2 in memcached's STAT vocabulary.
 * web.xml lets only the {@code admin} role in; the page checks again.
 */
@Named
@RequestScoped
public class CacheStatsView {

  @Inject private SharedCache cache;
  @Inject private Viewer viewer;

  private List<StatsSnapshot> stats;

  public void load() {
    if (!viewer.isAdmin()) {
      throw new NotAllowedException("Only admins can see cache statistics.");
    }
    stats = cache.stats();
  }

  public List<StatsSnapshot> getStats() {
    return stats;
  }

  /** The STAT names, in memcached's order, for the table's rows. */
  public List<String> getNames() {
    return stats.isEmpty() ? List.of() : List.copyOf(stats.get(0).stats().keySet());
  }

  public Map<String, String> values(StatsSnapshot s) {
    return s.stats();
  }

  public String getServer() {
    return ClusterNode.name();
  }
}
