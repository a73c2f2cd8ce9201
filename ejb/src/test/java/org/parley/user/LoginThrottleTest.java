package org.parley.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.parley.rules.RateLimitedException;

/** Counting attempts per account and per address, in one JVM (the cluster's cache is replaced by a map). */
class LoginThrottleTest {

    private static final long SITE = 7;

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LoginThrottle throttle =
            new LoginThrottle(now::get, LoginLimit.ACCOUNT_DEFAULT, LoginLimit.ADDRESS_DEFAULT);

    @Test
    void fiveFailuresAreFreeThenTheAccountWaitsASecondThenTwo() {
        for (int i = 0; i < 5; i++) {
            throttle.admit(SITE, "alice", "203.0.113.1");
        }
        RateLimitedException sixth =
                assertThrows(RateLimitedException.class, () -> throttle.admit(SITE, "alice", "203.0.113.1"));
        assertEquals(Duration.ofSeconds(1), sixth.retryAfter());
        assertEquals("Too many failed log-ins for this account; try again in 1 second.", sixth.getMessage());
        assertThrows(RateLimitedException.class, () -> throttle.admit(SITE, "Alice ", "198.51.100.2"), "any address");
        now.addAndGet(1_000);
        throttle.admit(SITE, "alice", "203.0.113.1");
        RateLimitedException next =
                assertThrows(RateLimitedException.class, () -> throttle.admit(SITE, "alice", "203.0.113.1"));
        assertEquals(Duration.ofSeconds(2), next.retryAfter(), "the wait doubled");
        throttle.admit(SITE, "bob", "203.0.113.1");
        throttle.admit(SITE + 1, "alice", "203.0.113.1");
    }

    @Test
    void aLockedAccountSaysSoInMinutesAndOpensByTime() {
        for (int i = 0; i < 25; i++) {
            throttle.admit(SITE, "carol", "address-" + i);
            now.addAndGet(Duration.ofMinutes(15).toMillis());
        }
        now.addAndGet(-Duration.ofMinutes(15).toMillis());
        RateLimitedException locked =
                assertThrows(RateLimitedException.class, () -> throttle.admit(SITE, "carol", "elsewhere"));
        assertEquals(Duration.ofMinutes(15), locked.retryAfter());
        assertEquals("Too many failed log-ins for this account; try again in 15 minutes.", locked.getMessage());
        now.addAndGet(Duration.ofMinutes(15).toMillis());
        throttle.admit(SITE, "carol", "elsewhere");
    }

    @Test
    void aSuccessClearsTheAccountButOnlyTakesItselfBackFromTheAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.admit(SITE, "dave", "192.0.2.9");
        }
        throttle.succeeded(throttle.admit(SITE, "dave", "192.0.2.9"));
        assertEquals(0, throttle.accountFailures(SITE, "dave"), "cleared");
        for (int i = 0; i < 5; i++) {
            throttle.admit(SITE, "dave", "192.0.2.9");
        }
        assertThrows(RateLimitedException.class, () -> throttle.admit(SITE, "dave", "192.0.2.9"));

        // The address has 9 failures counted for dave (the success was taken back) and a refusal counts none.
        for (int i = 0; i < 11; i++) {
            throttle.admit(SITE, "user" + i, "192.0.2.9");
        }
        RateLimitedException address =
                assertThrows(RateLimitedException.class, () -> throttle.admit(SITE, "someone", "192.0.2.9"));
        assertEquals("Too many failed log-ins from your network address; try again in 1 second.", address.getMessage());
        throttle.admit(SITE, "someone", "192.0.2.10");
    }

    @Test
    void aRefusedAddressLeavesTheAccountAlone() {
        for (int i = 0; i < 20; i++) {
            throttle.admit(SITE, "other" + i, "192.0.2.77");
        }
        for (int i = 0; i < 10; i++) {
            assertThrows(RateLimitedException.class, () -> throttle.admit(SITE, "erin", "192.0.2.77"));
        }
        assertEquals(0, throttle.accountFailures(SITE, "erin"), "erin's account counted nothing");
    }

    @Test
    void aBurstOfSimultaneousGuessesAdmitsOnlyTheFreeOnes() throws Exception {
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> admitted = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String address = "203.0.113." + i; // each its own, so that only the account's limit binds
                admitted.add(pool.submit(() -> {
                    start.await();
                    try {
                        throttle.admit(SITE, "frank", address);
                        return true;
                    } catch (RateLimitedException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int count = 0;
            for (Future<Boolean> f : admitted) {
                count += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(5, count, "only the free failures go on to the password check");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneAccountLoggingInFromSeveralTabsAtOnceIsNeverRefused() throws Exception {
        int threads = 4; // fewer than the account's free failures: each attempt counts until it succeeds
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> refusals = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                refusals.add(pool.submit(() -> {
                    start.await();
                    int refused = 0;
                    for (int n = 0; n < 500; n++) {
                        try {
                            LoginThrottle.Attempt attempt = throttle.admit(SITE, "admin", "192.0.2.7");
                            Thread.onSpinWait(); // the password check
                            throttle.succeeded(attempt);
                        } catch (RateLimitedException e) {
                            refused++;
                        }
                    }
                    return refused;
                }));
            }
            start.countDown();
            int refused = 0;
            for (Future<Integer> f : refusals) {
                refused += f.get(30, TimeUnit.SECONDS);
            }
            assertEquals(0, refused, "right passwords, however close together, are not a flood");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysAreBoundedAndNamesCompareWithoutCaseOrSpaces() {
        assertEquals(LoginThrottle.accountKey(1, "Alice"), LoginThrottle.accountKey(1, " alice "));
        String huge = "x".repeat(10_000);
        assertTrue(LoginThrottle.accountKey(1, huge).length() < 100);
        assertTrue(LoginThrottle.addressKey(huge).length() < 100);
        assertEquals(LoginThrottle.accountKey(1, ""), LoginThrottle.accountKey(1, null));
    }

    @Test
    void waitsReadAsPeopleSayThem() {
        assertEquals("1 second", LoginThrottle.inWords(1));
        assertEquals("8 seconds", LoginThrottle.inWords(7_001));
        assertEquals("a minute", LoginThrottle.inWords(60_000));
        assertEquals("15 minutes", LoginThrottle.inWords(900_000));
    }
    /** Issue 18, item 7: sign-ups per address; one that made no account does not count. */
    @Test
    void fiveSignUpsAnHourAreFreeThenTheAddressWaitsAndRefusedOnesDoNotCount() {
        for (int i = 0; i < 4; i++) {
            throttle.admitSignUp(1, "203.0.113.9");
        }
        throttle.admitSignUp(1, "203.0.113.9");
        throttle.signUpRefused(1, "203.0.113.9"); // the name was taken: takes itself back
        throttle.admitSignUp(1, "203.0.113.9"); // the fifth account
        RateLimitedException refused =
                assertThrows(RateLimitedException.class, () -> throttle.admitSignUp(1, "203.0.113.9"));
        assertEquals("Too many sign-ups from your network address; try again in 1 second.", refused.getMessage());
        throttle.admitSignUp(1, "198.51.100.7"); // another address
        throttle.admitSignUp(2, "203.0.113.9"); // another site
        now.addAndGet(1_000);
        throttle.admitSignUp(1, "203.0.113.9");
        assertThrows(RateLimitedException.class, () -> throttle.admitSignUp(1, "203.0.113.9"), "then two seconds");
    }
}
