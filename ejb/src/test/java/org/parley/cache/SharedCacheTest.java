package org.parley.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The L1 side of the tier, without Infinispan: get-or-load, scopes, bounds, lifetimes, per-site keys, statistics. */
class SharedCacheTest {

    private final AtomicLong clock = new AtomicLong();
    private final SharedCache cache = SharedCache.withoutL2(clock::get);
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String value) {
        loads.incrementAndGet();
        return value;
    }

    @Test
    void loadsOnceThenServesFromCache() {
        CacheKey key = CacheKey.of(Region.FRAGMENT, 1, "x", Scope.post(1, 7));
        assertEquals("a", cache.get(key, String.class, () -> load("a")));
        assertEquals("a", cache.get(key, String.class, () -> load("b")));
        assertEquals(1, loads.get());
    }

    @Test
    void invalidatingAScopeDropsEveryKeyThatNamesIt() {
        CacheKey page = CacheKey.of(Region.PAGE, 1, "/questions/7", Scope.question(1, 7), Scope.lists(1));
        CacheKey other = CacheKey.of(Region.PAGE, 1, "/questions/8", Scope.question(1, 8), Scope.lists(1));
        CacheKey otherSite = CacheKey.of(Region.PAGE, 2, "/questions/7", Scope.question(2, 7), Scope.lists(2));
        cache.get(page, String.class, () -> load("p7"));
        cache.get(other, String.class, () -> load("p8"));
        cache.get(otherSite, String.class, () -> load("s2"));

        cache.invalidate(Scope.question(1, 7));
        assertEquals("p7'", cache.get(page, String.class, () -> load("p7'")));
        assertEquals("p8", cache.get(other, String.class, () -> load("p8'")));
        assertEquals(4, loads.get());

        cache.invalidate(Scope.lists(1));
        assertEquals("p8''", cache.get(other, String.class, () -> load("p8''")));
        assertEquals("s2", cache.get(otherSite, String.class, () -> load("s2'")), "another site keeps its entries");
    }

    @Test
    void aRequestReadsEachStampOnceSeesItsOwnInvalidationsAndTheOthersFromTheNext() throws Exception {
        CacheKey key = CacheKey.of(Region.QUESTION, 1, "q/7", Scope.question(1, 7));
        String before = cache.versionedKey(key);
        try (SharedCache.StampMemo memo = cache.rememberStamps()) {
            assertEquals(before, cache.versionedKey(key));
            Thread other = new Thread(() -> cache.invalidate(Scope.question(1, 7)));
            other.start();
            other.join();
            assertEquals(before, cache.versionedKey(key), "another thread's change shows from the next request");
            try (SharedCache.StampMemo nested = cache.rememberStamps()) {
                assertEquals(before, cache.versionedKey(key));
            }
            assertEquals(before, cache.versionedKey(key), "a nested memo does not end the request's");
            cache.invalidate(Scope.question(1, 7));
            String mine = cache.versionedKey(key);
            assertTrue(!mine.equals(before), "this thread's own change is seen at once");
            assertEquals(mine, cache.versionedKey(key));
        }
        String after = cache.versionedKey(key);
        assertEquals(after, cache.versionedKey(key));
        cache.invalidate(Scope.question(1, 7));
        assertTrue(!after.equals(cache.versionedKey(key)), "without a memo, every read is fresh");
    }

    @Test
    void sitesNeverShareAnEntry() {
        assertEquals("one", cache.get(CacheKey.of(Region.QUESTION, 1, "q/5"), String.class, () -> "one"));
        assertEquals("two", cache.get(CacheKey.of(Region.QUESTION, 2, "q/5"), String.class, () -> "two"));
    }

    @Test
    void absenceIsCachedToo() {
        CacheKey key = CacheKey.global(Region.SITE, "host/nowhere.example", Scope.sites());
        assertNull(cache.get(key, String.class, () -> load(null)));
        assertNull(cache.get(key, String.class, () -> load("late")));
        assertEquals(1, loads.get());
    }

    @Test
    void l1IsBoundedInSizeAndLifetime() {
        int max = Region.SITE.l1MaxEntries();
        for (int i = 0; i < max * 3; i++) {
            int n = i;
            cache.get(CacheKey.global(Region.SITE, "host/h" + n), String.class, () -> "v" + n);
        }
        assertTrue(cache.l1Size(Region.SITE) <= max, "L1 holds " + cache.l1Size(Region.SITE));

        CacheKey key = CacheKey.global(Region.SITE, "host/ttl");
        cache.get(key, String.class, () -> load("old"));
        clock.addAndGet(Region.SITE.lifetime().toNanos() + 1);
        assertEquals("new", cache.get(key, String.class, () -> load("new")));
    }

    @Test
    void statisticsCountInMemcachedTerms() {
        CacheKey key = CacheKey.of(Region.FRAGMENT, 3, "f", Scope.post(3, 1));
        cache.get(key, String.class, () -> "0123456789");
        cache.get(key, String.class, () -> "0123456789");
        cache.get(key, String.class, () -> "0123456789");
        StatsSnapshot fragments = cache.stats().stream()
                .filter(s -> s.cache().equals("l1.fragment"))
                .findFirst()
                .orElseThrow();
        assertEquals(3, fragments.cmdGet());
        assertEquals(2, fragments.getHits());
        assertEquals(1, fragments.getMisses());
        assertEquals(1, fragments.cmdSet());
        assertEquals(1, fragments.currItems());
        assertTrue(fragments.bytes() >= 10, "bytes " + fragments.bytes());
        assertEquals("0.6667", fragments.stats().get("hit_ratio"));
    }
}
