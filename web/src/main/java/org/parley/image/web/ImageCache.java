package org.parley.image.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The proxy's answers, kept in this server's memory: images for a day (as long as browsers are told to keep them),
 * refusals and upstream failures for {@link #FAILURE_LIFETIME}, all within {@code maxBytes} (an entry weighs its
 * bytes plus a little), least used first out. Concurrent requests for one URL that is not cached share one fetch.
 *
 * <p>Local rather than in the shared tier: images are up to megabytes each, and the shared caches replicate every
 * entry to every server, over the network and into each heap; a popular image is fetched once per server and day,
 * which costs the other server little.
 */
final class ImageCache {

    static final Duration IMAGE_LIFETIME = Duration.ofDays(1);
    static final Duration FAILURE_LIFETIME = Duration.ofMinutes(5);
    private static final int OVERHEAD = 128;

    /** An image, or why there is none. */
    record Entry(int status, String type, byte[] bytes, String message) {
        static Entry of(ImageFetcher.Image image) {
            return new Entry(200, image.type(), image.bytes(), null);
        }

        static Entry of(ImageFetchException e) {
            return new Entry(e.status(), null, null, e.getMessage());
        }

        int weight() {
            return OVERHEAD + (bytes == null ? 0 : bytes.length) + (message == null ? 0 : message.length());
        }
    }

    private final Cache<String, Entry> cache;
    private final ConcurrentMap<String, CompletableFuture<Entry>> fetching = new ConcurrentHashMap<>();

    ImageCache(long maxBytes) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String url, Entry e) -> e.weight() + url.length())
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String url, Entry e, long now) {
                        return (e.status() == 200 ? IMAGE_LIFETIME : FAILURE_LIFETIME).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String url, Entry e, long now, long current) {
                        return expireAfterCreate(url, e, now);
                    }

                    @Override
                    public long expireAfterRead(String url, Entry e, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    /**
     * The entry for {@code url}: cached, or made by {@code fetch} on this thread (one fetch at a time per URL; other
     * requests for it wait for that one).
     */
    Entry get(String url, Function<String, Entry> fetch) {
        Entry cached = cache.getIfPresent(url);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = fetching.putIfAbsent(url, mine);
        if (running != null) {
            return running.join();
        }
        try {
            Entry entry = cache.getIfPresent(url); // a fetch may have ended between the first look and now
            entry = entry != null ? entry : fetch.apply(url);
            cache.put(url, entry);
            mine.complete(entry);
            return entry;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            fetching.remove(url, mine);
        }
    }

    /** For tests: the entries held now. */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
