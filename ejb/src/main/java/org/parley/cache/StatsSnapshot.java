package org.parley.cache;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * One cache's figures on one server (or summed over the cluster), named as memcached's {@code stats} command names
 * them, plus get-time percentiles.
 *
 * @param cache which cache: {@code l1.<region>} or {@code l2}
 * @param server the server's node name, or {@link #CLUSTER} for totals over every server
 * @param uptime seconds since this server's tier started (for totals: the longest)
 * @param currItems entries held now (for L2: this server's replica)
 * @param totalItems entries stored since start
 * @param bytes bytes of marshalled values held now
 * @param cmdGet lookups
 * @param cmdSet stores
 * @param getHits lookups that found an entry
 * @param getMisses lookups that did not
 * @param evictions entries dropped to keep within the bounds (lifetime expiry not counted; -1 when unknown)
 * @param getNanosTotal time spent in lookups, hit or miss, without loading
 * @param getTimes the lookups' times in nanoseconds, an HdrHistogram in its compressed encoding (mergeable)
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
        long getNanosTotal,
        byte[] getTimes) {

    /** The {@link #server} of totals over the cluster. */
    public static final String CLUSTER = "cluster";

    static StatsSnapshot of(
            String cache,
            String server,
            long uptime,
            long currItems,
            long totalItems,
            long bytes,
            long cmdGet,
            long cmdSet,
            long getHits,
            long evictions,
            long getNanosTotal,
            Histogram times) {
        return new StatsSnapshot(
                cache,
                server,
                uptime,
                currItems,
                totalItems,
                bytes,
                cmdGet,
                cmdSet,
                getHits,
                cmdGet - getHits,
                evictions,
                getNanosTotal,
                encode(times));
    }

    /**
     * Totals of one cache over several servers: counters added up, the longest uptime, get-time distributions merged
     * (so the cluster's p99 is the p99 of every server's lookups, not an average of percentiles).
     */
    public static StatsSnapshot total(String cache, Collection<StatsSnapshot> perServer) {
        long uptime = 0, curr = 0, total = 0, bytes = 0, gets = 0, sets = 0, hits = 0, evictions = 0, nanos = 0;
        boolean evictionsKnown = true;
        Histogram times = new Histogram(2);
        for (StatsSnapshot s : perServer) {
            uptime = Math.max(uptime, s.uptime);
            curr += s.currItems;
            total += s.totalItems;
            bytes += s.bytes;
            gets += s.cmdGet;
            sets += s.cmdSet;
            hits += s.getHits;
            if (s.evictions < 0) {
                evictionsKnown = false;
            } else {
                evictions += s.evictions;
            }
            nanos += s.getNanosTotal;
            times.add(s.histogram());
        }
        return of(
                cache,
                CLUSTER,
                uptime,
                curr,
                total,
                bytes,
                gets,
                sets,
                hits,
                evictionsKnown ? evictions : -1,
                nanos,
                times);
    }

    /** get_hits / cmd_get, 0 when nothing was looked up. */
    public double hitRatio() {
        return cmdGet == 0 ? 0 : (double) getHits / cmdGet;
    }

    /** Mean lookup time in nanoseconds, 0 when nothing was looked up. */
    public long meanGetNanos() {
        return cmdGet == 0 ? 0 : getNanosTotal / cmdGet;
    }

    /** The lookup time at {@code percentile} (0-100) in nanoseconds, 0 when nothing was looked up. */
    public long getNanosAt(double percentile) {
        Histogram h = histogram();
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile);
    }

    /** The slowest lookup in nanoseconds. */
    public long maxGetNanos() {
        Histogram h = histogram();
        return h.getTotalCount() == 0 ? 0 : h.getMaxValue();
    }

    /** The get-time distribution. */
    public Histogram histogram() {
        if (getTimes == null || getTimes.length == 0) {
            return new Histogram(2);
        }
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(getTimes), 0);
        } catch (DataFormatException e) {
            throw new IllegalStateException("A corrupt get-time histogram", e);
        }
    }

    /** The figures as memcached prints them ({@code STAT name value}), plus Parley's derived ones. */
    public Map<String, String> stats() {
        Histogram h = histogram();
        boolean any = h.getTotalCount() > 0;
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
        m.put("mean_get_us", micros(meanGetNanos()));
        m.put("get_p50_us", micros(any ? h.getValueAtPercentile(50) : 0));
        m.put("get_p99_us", micros(any ? h.getValueAtPercentile(99) : 0));
        m.put("get_max_us", micros(any ? h.getMaxValue() : 0));
        return m;
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1000.0);
    }

    private static byte[] encode(Histogram times) {
        ByteBuffer buffer = ByteBuffer.allocate(times.getNeededByteBufferCapacity());
        int length = times.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }
}
