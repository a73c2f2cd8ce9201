package org.parley.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.infinispan.Cache;
import org.parley.cache.proto.Marshalling;
import org.parley.common.ClusterNode;
import org.parley.metrics.RequestTimings;
import org.parley.metrics.RequestTimings.Kind;

/**
 * The cache-aside API: {@link #get} returns the cached value of a key or loads, stores and returns it. Two tiers:
 * a bounded L1 per {@link Region} in this JVM (deserialised objects, size and lifetime bounded) in front of the L2,
 * a synchronously replicated Infinispan cache shared by every server (ProtoStream bytes, bounded in entries and
 * lifetime). Every lookup and store is timed as the request's {@code cache} step.
 *
 * <h2>Invalidation, and why not by the events topic</h2>
 *
 * The key actually stored is the {@link CacheKey} plus the current stamp of each of its {@link Scope}s; stamps live
 * in L2. {@link #invalidate} gives the scopes fresh random stamps with one synchronous replicated write, which
 * returns only once every server's replica holds them. A server reads stamps from its own replica on every lookup,
 * so once the writer returns nobody composes an old key again: their L1 entries, and L2 entries stored by a load
 * that raced the write, are unreachable and age out. An L1 hit therefore costs one local L2 read (the stamp) and no
 * unmarshalling. Clearing other servers' L1 through the asynchronous JMS events topic could not promise this: the
 * topic delivers after the writer returned, so a reader on another server could still be served the old value.
 * Entries are never overwritten in place, so a slow load that read the database before a write cannot store its
 * stale result under a key anyone reads later.
 *
 * <p>Outside WildFly (unit tests) there is no L2: stamps are kept in this JVM and only L1 caches values.
 */
@ApplicationScoped
public class SharedCache {

    private static final Logger log = Logger.getLogger(SharedCache.class.getName());
    private static final int LOCAL_STAMPS = 100_000;
    private static final byte[] ABSENT = new byte[0];

    /** The stamps this thread read while {@link #rememberStamps} is open, by stamp key; null when it is not. */
    private static final ThreadLocal<Map<String, String>> REMEMBERED = new ThreadLocal<>();

    /**
     * The largest page the output cache stores, marshalled with its compressed copy (typically 60 to 100 KB): with the
     * pages cache's entry bound, what bounds its memory, since Infinispan bounds a cache kept on the heap by entry
     * count only (see install-shared-tier.cli). A larger page is rendered each time.
     */
    public static final int MAX_PAGE_BYTES = 512 * 1024;

    @Resource(lookup = CacheNames.L2_JNDI)
    private Cache<String, Object> l2;

    /** Where Region PAGE's values go instead of {@link #l2} (bounded by memory); null outside WildFly. */
    @Resource(lookup = CacheNames.PAGES_JNDI)
    private Cache<String, Object> pages;

    private final Ticker ticker;
    private final long startNanos;
    private final Map<Region, com.github.benmanes.caffeine.cache.Cache<String, L1Entry>> l1 =
            new EnumMap<>(Region.class);
    private final Map<Region, AtomicLong> l1Bytes = new EnumMap<>(Region.class);
    private final Map<Region, CacheStats> l1Stats = new EnumMap<>(Region.class);
    private final CacheStats l2Stats = new CacheStats();
    private final CacheStats pageStats = new CacheStats();
    private final com.github.benmanes.caffeine.cache.Cache<String, String> localStamps;

    /** What L1 holds: the value (null for a cached absence) and the size of its marshalled form. */
    private record L1Entry(Object value, int bytes) {}

    public SharedCache() {
        this(null, Ticker.systemTicker());
    }

    /**
     * A tier without L2, its L1 lifetimes driven by {@code clockNanos}: what unit tests outside WildFly use. Scope
     * stamps are kept in this JVM.
     */
    public static SharedCache withoutL2(java.util.function.LongSupplier clockNanos) {
        return new SharedCache(null, clockNanos::getAsLong);
    }

    /** For tests: {@code l2} may be null (L1 only), {@code ticker} drives L1 lifetimes. */
    SharedCache(Cache<String, Object> l2, Ticker ticker) {
        this.l2 = l2;
        this.ticker = ticker;
        this.startNanos = ticker.read();
        for (Region region : Region.values()) {
            AtomicLong bytes = new AtomicLong();
            l1Bytes.put(region, bytes);
            l1Stats.put(region, new CacheStats());
            Caffeine<Object, Object> builder = Caffeine.newBuilder();
            if (region.l1MaxBytes() > 0) {
                // Bounded by what the entries take; the region's entry bound then only limits the count of tiny ones.
                builder.maximumWeight(region.l1MaxBytes())
                        .weigher((String key, L1Entry entry) ->
                                Math.max(entry.bytes(), (int) (region.l1MaxBytes() / region.l1MaxEntries())));
            } else {
                builder.maximumSize(region.l1MaxEntries());
            }
            l1.put(
                    region,
                    builder.expireAfterWrite(region.lifetime())
                            .ticker(ticker)
                            .executor(Runnable::run)
                            .recordStats()
                            .<String, L1Entry>removalListener((key, entry, cause) -> {
                                if (entry != null && cause != RemovalCause.REPLACED) {
                                    bytes.addAndGet(-entry.bytes());
                                }
                            })
                            .build());
        }
        localStamps = Caffeine.newBuilder()
                .maximumSize(LOCAL_STAMPS)
                .executor(Runnable::run)
                .build();
    }

    /**
     * The value cached under {@code key}, else what {@code loader} returns, stored first. A null from the loader is
     * cached too (as an absence), so unknown things do not hit the database on every lookup. The loader runs outside
     * the timed cache steps and may run on several servers at once for one key; each stores the same thing.
     *
     * @throws ClassCastException when the key holds something other than a {@code type}
     */
    public <T> T get(CacheKey key, Class<T> type, Supplier<T> loader) {
        String full;
        Lookup found;
        try (var step = RequestTimings.step(Kind.CACHE)) {
            full = versionedKey(key);
            found = lookup(key.region(), full);
        }
        if (found != null) {
            return type.cast(found.value());
        }
        T loaded = loader.get();
        try (var step = RequestTimings.step(Kind.CACHE)) {
            store(key.region(), full, loaded);
        }
        return loaded;
    }

    /**
     * The key under which {@code key} is stored right now: its id with the current stamps of its scopes. For callers
     * that look up and store separately ({@link #peek}, {@link #put}), such as the fragment cache.
     */
    public String versionedKey(CacheKey key) {
        StringBuilder full = new StringBuilder(key.region().key())
                .append('/')
                .append(key.id())
                .append('@');
        for (int i = 0; i < key.scopes().size(); i++) {
            if (i > 0) {
                full.append('.');
            }
            full.append(stamp(key.scopes().get(i)));
        }
        return full.toString();
    }

    /** The value stored under a {@link #versionedKey}, or empty. Timed as a cache step. */
    public java.util.Optional<Object> peek(Region region, String versionedKey) {
        try (var step = RequestTimings.step(Kind.CACHE)) {
            Lookup found = lookup(region, versionedKey);
            return found == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(found.value());
        }
    }

    /** Stores {@code value} under a {@link #versionedKey}. Timed as a cache step. */
    public void put(Region region, String versionedKey, Object value) {
        try (var step = RequestTimings.step(Kind.CACHE)) {
            store(region, versionedKey, value);
        }
    }

    /**
     * Gives {@code scopes} fresh stamps on every server, synchronously: once this returns, no server reads an entry
     * stored under the old ones. Call after the change committed (a reader in between would load the old data under
     * the new stamp).
     *
     * @throws org.infinispan.commons.CacheException when the cluster did not confirm in time; the caller's change is
     *     committed, and the entries stay stale for at most their region's lifetime
     */
    public void invalidate(Scope... scopes) {
        Map<String, String> fresh = new LinkedHashMap<>();
        for (Scope scope : scopes) {
            fresh.put(scope.stampKey(), newStamp());
        }
        try (var step = RequestTimings.step(Kind.CACHE)) {
            if (l2 == null) {
                localStamps.putAll(fresh);
            } else {
                // One write per key, all at once, not putAll: every server that applies a remote change stamps the same
                // keys
                // at the same moment, and a non-transactional putAll locks its keys on their primary owners one after
                // another
                // in no common order, so two of them deadlocked until the 10 s remote timeout (ISPN000476) and left the
                // lists
                // stale that long (TagFreshnessClusterIT). A single-key write holds one lock and cannot wait for
                // another.
                CompletableFuture.allOf(fresh.entrySet().stream()
                                .map(e -> l2.putAsync(e.getKey(), e.getValue()))
                                .toArray(CompletableFuture[]::new))
                        .join();
            }
        }
        Map<String, String> remembered = REMEMBERED.get();
        if (remembered != null) {
            remembered.putAll(fresh); // what this thread changed, it reads changed
        }
        log.log(Level.FINE, "Invalidated {0}", fresh.keySet());
    }

    /**
     * Until the returned memo is closed, each scope's stamp is read once on this thread and then remembered: a page
     * composes a dozen keys under one question's scope (its data, links, licences, related questions, each post's
     * fragment), and each read of a stamp is a lookup in Infinispan (5 % of a logged-in question page's CPU). A page
     * so renders as of the first read of each stamp: a change made meanwhile on another thread or server shows from
     * the next request, as if it had come a moment later. This thread's own {@link #invalidate} is seen at once.
     * Opening one while one is open does nothing more; the outer one ends it.
     */
    public StampMemo rememberStamps() {
        if (REMEMBERED.get() != null) {
            return StampMemo.NESTED;
        }
        REMEMBERED.set(new HashMap<>());
        return StampMemo.OUTER;
    }

    /** See {@link #rememberStamps}. */
    public enum StampMemo implements AutoCloseable {
        OUTER,
        NESTED;

        @Override
        public void close() {
            if (this == OUTER) {
                REMEMBERED.remove();
            }
        }
    }

    /** This server's figures for each region's L1 and for L2, in memcached's vocabulary. */
    public List<StatsSnapshot> stats() {
        long uptime = TimeUnit.NANOSECONDS.toSeconds(ticker.read() - startNanos);
        String server = ClusterNode.name();
        List<StatsSnapshot> all = new ArrayList<>();
        for (Region region : Region.values()) {
            var cache = l1.get(region);
            all.add(l1Stats.get(region)
                    .snapshot(
                            "l1." + region.key(),
                            server,
                            uptime,
                            cache.estimatedSize(),
                            l1Bytes.get(region).get(),
                            cache.stats().evictionCount()));
        }
        long items = 0;
        long bytes = 0;
        long evictions = 0;
        if (l2 != null) {
            // A replicated cache iterates this server's replica.
            for (Object value : l2.values()) {
                if (value instanceof byte[] b) {
                    items++;
                    bytes += b.length;
                }
            }
            evictions = L2Evictions.read();
        }
        all.add(l2Stats.snapshot("l2", server, uptime, items, bytes, evictions));
        if (pages != null) {
            long pageItems = 0;
            long pageBytes = 0;
            for (Object value : pages.values()) {
                if (value instanceof byte[] b) {
                    pageItems++;
                    pageBytes += b.length;
                }
            }
            all.add(pageStats.snapshot("l2." + Region.PAGE.key(), server, uptime, pageItems, pageBytes, -1));
        }
        return all;
    }

    /**
     * Times {@code gets} lookups of one stored entry, one after another on the calling thread, after as many untimed
     * ones to warm up: an L1 hit, an L2 read of the stored bytes, and an L2 read with unmarshalling (what a lookup that
     * misses L1 costs). For the pages benchmark: the tier's own statistics time lookups of live traffic, which on a
     * busy machine include time the thread waited for a core. The entry (a 32 KB page) lives under a key of its own.
     *
     * @return the three distributions in nanoseconds, by name ({@code l1}, {@code l2_bytes}, {@code l2})
     * @throws IllegalArgumentException when {@code gets} is not between 1 and 1,000,000
     * @throws IllegalStateException outside WildFly (no L2)
     */
    public Map<String, org.HdrHistogram.Histogram> probe(int gets) {
        if (gets < 1 || gets > 1_000_000) {
            throw new IllegalArgumentException("gets must be between 1 and 1,000,000");
        }
        if (l2 == null) {
            throw new IllegalStateException("No L2 outside WildFly");
        }
        String key = "probe/" + ClusterNode.name();
        byte[] body = new byte[32 * 1024];
        java.util.Arrays.fill(body, (byte) 'x');
        CachedPage page = new CachedPage("text/html;charset=UTF-8", body, "\"probe\"", 0);
        byte[] bytes = Marshalling.toBytes(page);
        l2.put(key, bytes, 5, TimeUnit.MINUTES);
        var local = Caffeine.newBuilder().maximumSize(10).<String, L1Entry>build();
        local.put(key, new L1Entry(page, bytes.length));
        Map<String, org.HdrHistogram.Histogram> times = new LinkedHashMap<>();
        times.put("l1", new org.HdrHistogram.Histogram(2));
        times.put("l2_bytes", new org.HdrHistogram.Histogram(2));
        times.put("l2", new org.HdrHistogram.Histogram(2));
        long sink = 0;
        for (int round = 0; round < 2; round++) {
            boolean timed = round == 1;
            for (int i = 0; i < gets; i++) {
                long t0 = System.nanoTime();
                L1Entry e = local.getIfPresent(key);
                long t1 = System.nanoTime();
                Object raw = l2.get(key);
                long t2 = System.nanoTime();
                Object value = Marshalling.fromBytes((byte[]) l2.get(key));
                long t3 = System.nanoTime();
                sink += e.bytes() + ((byte[]) raw).length + ((CachedPage) value).body().length;
                if (timed) {
                    times.get("l1").recordValue(t1 - t0);
                    times.get("l2_bytes").recordValue(t2 - t1);
                    times.get("l2").recordValue(t3 - t2);
                }
            }
        }
        l2.remove(key);
        log.log(Level.FINE, "Probed {0} gets ({1})", new Object[] {gets, sink});
        return times;
    }

    /** A value found, possibly a cached absence (null). */
    private record Lookup(Object value) {}

    private Lookup lookup(Region region, String full) {
        var cache = l1.get(region);
        long start = System.nanoTime();
        L1Entry entry = cache.getIfPresent(full);
        if (entry != null) {
            l1Stats.get(region).hit(System.nanoTime() - start);
            return new Lookup(entry.value());
        }
        l1Stats.get(region).miss(System.nanoTime() - start);
        Cache<String, Object> shared = l2(region);
        if (shared == null) {
            return null;
        }
        CacheStats stats = shared == pages ? pageStats : l2Stats;
        start = System.nanoTime();
        Object stored = shared.get(full);
        if (!(stored instanceof byte[] bytes)) {
            stats.miss(System.nanoTime() - start);
            return null;
        }
        Object value = bytes.length == 0 ? null : Marshalling.fromBytes(bytes);
        stats.hit(System.nanoTime() - start);
        putL1(region, full, value, bytes.length);
        return new Lookup(value);
    }

    private void store(Region region, String full, Object value) {
        byte[] bytes = value == null ? ABSENT : Marshalling.toBytes(value);
        if (region == Region.PAGE && bytes.length > MAX_PAGE_BYTES) {
            // Rendered again next time: one outsized page must not take the room of a hundred.
            log.log(Level.FINE, "Not storing {0}: {1} bytes", new Object[] {full, bytes.length});
            return;
        }
        putL1(region, full, value, bytes.length);
        Cache<String, Object> shared = l2(region);
        if (shared != null) {
            shared.put(full, bytes, region.lifetime().toMillis(), TimeUnit.MILLISECONDS);
            (shared == pages ? pageStats : l2Stats).set();
        }
    }

    /** The shared cache that holds {@code region}'s values: pages apart when WildFly has that cache. */
    private Cache<String, Object> l2(Region region) {
        return region == Region.PAGE && pages != null ? pages : l2;
    }

    private void putL1(Region region, String full, Object value, int bytes) {
        l1Bytes.get(region).addAndGet(bytes);
        L1Entry previous = l1.get(region).asMap().put(full, new L1Entry(value, bytes));
        if (previous != null) {
            l1Bytes.get(region).addAndGet(-previous.bytes());
        }
        l1Stats.get(region).set();
    }

    /**
     * The current stamp of {@code scope}: equal on every server until the scope is invalidated, so a caller can keep it
     * and ask again later whether anything changed (e.g. a session its account's standing, {@link Scope#account}).
     */
    public String stampOf(Scope scope) {
        try (var step = RequestTimings.step(Kind.CACHE)) {
            return stamp(scope);
        }
    }

    /** The current stamp of {@code scope}, minting one (cluster-wide, first writer wins) when it has none. */
    private String stamp(Scope scope) {
        String key = scope.stampKey();
        Map<String, String> remembered = REMEMBERED.get();
        if (remembered == null) {
            return readStamp(key);
        }
        String known = remembered.get(key);
        if (known == null) {
            known = readStamp(key);
            remembered.put(key, known);
        }
        return known;
    }

    private String readStamp(String key) {
        if (l2 == null) {
            return localStamps.get(key, k -> newStamp());
        }
        Object current = l2.get(key);
        if (current instanceof String s) {
            return s;
        }
        String fresh = newStamp();
        Object raced = l2.putIfAbsent(key, fresh);
        return raced instanceof String s ? s : fresh;
    }

    private static String newStamp() {
        return Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    /** For tests: the number of entries in a region's L1. */
    long l1Size(Region region) {
        var cache = l1.get(region);
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
