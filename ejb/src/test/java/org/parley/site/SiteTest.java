package org.parley.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.parley.cache.Region;
import org.parley.cache.SharedCache;
import org.parley.rules.InvalidInputException;

/** Host names, per-site numbers and the bounded host cache. */
class SiteTest {

    @Test
    void hostsAreNormalised() {
        assertEquals("bicycles.localhost", Site.normalizeHost("Bicycles.LocalHost:8080"));
        assertEquals("localhost", Site.normalizeHost(" localhost "));
        assertEquals("example.org", Site.normalizeHost("example.org."));
        assertEquals("a-b.example.org", Site.normalizeHost("a-b.example.org"));
    }

    @Test
    void malformedHostsAreNull() {
        assertNull(Site.normalizeHost(null));
        assertNull(Site.normalizeHost(""));
        assertNull(Site.normalizeHost("-bad.example"));
        assertNull(Site.normalizeHost("bad-.example"));
        assertNull(Site.normalizeHost("under_score.example"));
        assertNull(Site.normalizeHost("a..b"));
        assertNull(Site.normalizeHost("[::1]:8080"));
        assertNull(Site.normalizeHost("host:port"));
        assertNull(Site.normalizeHost("evil.example/path"));
        assertNull(Site.normalizeHost("a".repeat(64) + ".example"));
    }

    @Test
    void aSiteValidatesItsFields() {
        Instant now = Instant.now();
        assertThrows(InvalidInputException.class, () -> new Site("bad host", "x", "X", "", now));
        assertThrows(InvalidInputException.class, () -> new Site("ok.localhost", "Bad Name", "X", "", now));
        assertThrows(InvalidInputException.class, () -> new Site("ok.localhost", "ok", " ", "", now));
        assertThrows(InvalidInputException.class, () -> new Site("ok.localhost", "ok", "x".repeat(81), "", now));
        Site site = new Site("OK.localhost:80", "ok", " Okay ", null, now);
        assertEquals("ok.localhost", site.getHost());
        assertEquals("Okay", site.getTitle());
        assertEquals("", site.getDescription());
    }

    @Test
    void numbersAreHandedOutOnceAndReservationsSkipAhead() {
        Site site = new Site("n.localhost", "n", "N", "", Instant.now());
        assertEquals(1, site.takePostNumber());
        assertEquals(2, site.takePostNumber());
        assertEquals(1, site.takeUserNumber());
        site.reservePostNumbersThrough(1000);
        assertEquals(1001, site.takePostNumber());
        site.reservePostNumbersThrough(5);
        assertEquals(1002, site.takePostNumber(), "a reservation never moves the counter back");
    }

    @Test
    void theCacheLoadsOnceExpiresAndClears() {
        AtomicLong clock = new AtomicLong();
        AtomicInteger loads = new AtomicInteger();
        SiteCache cache = new SiteCache(SharedCache.withoutL2(clock::get));
        SiteInfo info = new SiteInfo(1, "localhost", "parley", "Parley", "");

        assertEquals(Optional.of(info), cache.get("localhost", h -> {
            loads.incrementAndGet();
            return Optional.of(info);
        }));
        assertEquals(Optional.of(info), cache.get("localhost", h -> {
            loads.incrementAndGet();
            return Optional.empty();
        }));
        assertEquals(1, loads.get());

        clock.addAndGet(Region.SITE.lifetime().toNanos() + 1);
        assertEquals(Optional.empty(), cache.get("localhost", h -> {
            loads.incrementAndGet();
            return Optional.empty();
        }));
        assertEquals(Optional.empty(), cache.get("localhost", h -> {
            loads.incrementAndGet();
            return Optional.of(info);
        }));
        assertEquals(2, loads.get(), "an unknown host is cached as absent");

        cache.clear();
        assertEquals(Optional.of(info), cache.get("localhost", h -> {
            loads.incrementAndGet();
            return Optional.of(info);
        }));
        assertEquals(3, loads.get());
    }
}
