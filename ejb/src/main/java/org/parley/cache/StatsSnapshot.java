package org.parley.cache;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One cache's figures on one server, named as memcached's {@code stats} command names them.
 *
 * @param cache which cache: {@code l1.<region>} or {@code l2}
 * @param server the server's node name
 * @param uptime seconds since this server's tier started
 * @param currItems entries held now (for L2: this server's replica)
 * @param totalItems entries stored since start
 * @param bytes bytes of marshalled values held now
 * @param cmdGet lookups
 * @param cmdSet stores
 * @param getHits lookups that found an entry
 * @param getMisses lookups that did not
 * @param evictions entries dropped to keep within the bounds (lifetime expiry not counted)
 * @param meanGetNanos mean time of a lookup, hit or miss, without loading
 */
public record StatsSnapshot(
    String cache,
    String server,
    long uptime,
    long currItems,
    long totalItems,
    long bytes,
    long cmdGet,
    long cmdSet,
    long getHits,
    long getMisses,
    long evictions,
    long meanGetNanos) {

  /** get_hits / cmd_get, 0 when nothing was looked up. */
  public double hitRatio() {
    return cmdGet == 0 ? 0 : (double) getHits / cmdGet;
  }

  /** The figures as memcached prints them ({@code STAT name value}), plus Parley's two derived ones. */
  public Map<String, String> stats() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("uptime", Long.toString(uptime));
    m.put("curr_items", Long.toString(currItems));
    m.put("total_items", Long.toString(totalItems));
    m.put("bytes", Long.toString(bytes));
    m.put("cmd_get", Long.toString(cmdGet));
    m.put("cmd_set", Long.toString(cmdSet));
    m.put("get_hits", Long.toString(getHits));
    m.put("get_misses", Long.toString(getMisses));
    m.put("evictions", Long.toString(evictions));
    m.put("hit_ratio", String.format(Locale.ROOT, "%.4f", hitRatio()));
    m.put("mean_get_us", String.format(Locale.ROOT, "%.2f", meanGetNanos / 1000.0));
    return m;
  }
}
