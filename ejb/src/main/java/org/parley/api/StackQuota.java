package org.parley.api;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.infinispan.Cache;
import org.parley.cache.CacheNames;

/**
 * The API's daily quota: a caller without an app key may make {@value #ANONYMOUS_DEFAULT} requests a day (UTC) from
 * one address, as Stack Exchange allows (system property {@value #ANONYMOUS_PROPERTY} changes it). Requests are
 * counted in the replicated cache that also counts failed log-ins ({@code logins}, see {@code
 * org.parley.user.LoginThrottle}), the same way: every server reads its own replica and counts by a conditional
 * replace that only one of several concurrent requests can win, so the cluster counts each request once. Entries expire
 * a day after their day ends. Outside WildFly (unit tests) the counts live in a map in this JVM.
 *
 * <p>App keys (10,000 a day per key and address) are a later step of issue 21: {@link #take} is where a key's own
 * limit will be chosen.
 */
@ApplicationScoped
public class StackQuota {

    /** System property: requests a day for a caller without a key. */
    public static final String ANONYMOUS_PROPERTY = "parley.api.quota.anonymous";

    public static final int ANONYMOUS_DEFAULT = 300;

    /** Addresses are cut to this length in keys (an IPv6 /64 is far shorter). */
    private static final int MAX_ADDRESS = 64;

    private static final int CAS_TRIES = 16;

    private static final Logger log = Logger.getLogger(StackQuota.class.getName());

    @Resource(lookup = CacheNames.LOGINS_JNDI)
    private Cache<String, Object> counts;

    private final ConcurrentMap<String, Object> local = new ConcurrentHashMap<>();
    private final Supplier<Instant> clock;
    private final int anonymousMax;

    /** What one request left: the day's quota and what remains of it after this request. */
    public record Quota(int max, int remaining, boolean exceeded) {}

    public StackQuota() {
        this(Instant::now, Integer.getInteger(ANONYMOUS_PROPERTY, ANONYMOUS_DEFAULT));
    }

    /** A quota counted in this JVM, on {@code clock}: for unit tests. */
    public StackQuota(Supplier<Instant> clock, int anonymousMax) {
        this.clock = clock;
        this.anonymousMax = Math.max(1, anonymousMax);
    }

    /**
     * Counts one request from {@code clientAddress} (without an app key) against today's quota.
     *
     * @return the quota after it; {@code exceeded} when the day's requests were used up before it (the request is then
     *     not counted and must be refused with throttle_violation)
     */
    public Quota take(String clientAddress) {
        Instant now = clock.get();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String key = "api/quota/" + day + "/" + cut(clientAddress == null ? "unknown" : clientAddress);
        long lifespan = Duration.between(now, day.plusDays(2).atStartOfDay(ZoneOffset.UTC))
                .toMillis();
        ConcurrentMap<String, Object> store = counts != null ? counts : local;
        for (int i = 0; i < CAS_TRIES; i++) {
            Object stored = store.get(key);
            int used = parse(stored);
            if (used >= anonymousMax) {
                return new Quota(anonymousMax, 0, true);
            }
            String next = Integer.toString(used + 1);
            boolean won = stored == null ? putIfAbsent(key, next, lifespan) : replace(key, stored, next, lifespan);
            if (won) {
                return new Quota(anonymousMax, anonymousMax - used - 1, false);
            }
        }
        // Others kept counting on this address all the while: a flood. Refuse rather than serve it uncounted.
        log.log(Level.FINE, "API quota of {0} contended; refusing", clientAddress);
        return new Quota(anonymousMax, 0, true);
    }

    /** Seconds until the quotas start again (midnight UTC), for a refusal's Retry-After; at least 1. */
    public static long secondsToMidnightUtc() {
        Instant now = Instant.now();
        Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return Math.max(1, Duration.between(now, midnight).toSeconds());
    }

    private boolean putIfAbsent(String key, String value, long lifespanMillis) {
        return counts != null
                ? counts.putIfAbsent(key, value, lifespanMillis, TimeUnit.MILLISECONDS) == null
                : local.putIfAbsent(key, value) == null;
    }

    private boolean replace(String key, Object old, String value, long lifespanMillis) {
        return counts != null
                ? counts.replace(key, old, value, lifespanMillis, TimeUnit.MILLISECONDS)
                : local.replace(key, old, value);
    }

    private static int parse(Object stored) {
        if (stored instanceof String s) {
            try {
                return Math.max(0, Integer.parseInt(s));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static String cut(String s) {
        return s.length() <= MAX_ADDRESS ? s : s.substring(0, MAX_ADDRESS);
    }
}
