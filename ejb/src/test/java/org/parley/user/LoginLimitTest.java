package org.parley.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parley.user.LoginLimit.Failures;

/** The throttle's arithmetic: free failures, doubling waits, the lock, the window. */
class LoginLimitTest {

    private final LoginLimit account = LoginLimit.ACCOUNT_DEFAULT;

    @Test
    void fiveFreeFailuresThenWaitsThatDoubleUpToAFifteenMinuteLock() {
        for (int failures = 0; failures < 5; failures++) {
            assertEquals(Duration.ZERO, account.delayAfter(failures), "free after " + failures);
        }
        assertEquals(Duration.ofSeconds(1), account.delayAfter(5));
        assertEquals(Duration.ofSeconds(2), account.delayAfter(6));
        assertEquals(Duration.ofSeconds(4), account.delayAfter(7));
        assertEquals(Duration.ofSeconds(512), account.delayAfter(14));
        assertEquals(Duration.ofMinutes(15), account.delayAfter(15), "1,024 s is over the lock's 900");
        assertEquals(Duration.ofMinutes(15), account.delayAfter(80), "no overflow far beyond");
        assertEquals(Duration.ofMinutes(15), account.delayAfter(Integer.MAX_VALUE));
    }

    @Test
    void theAddressGetsTwentyFreeFailures() {
        assertEquals(Duration.ZERO, LoginLimit.ADDRESS_DEFAULT.delayAfter(19));
        assertEquals(Duration.ofSeconds(1), LoginLimit.ADDRESS_DEFAULT.delayAfter(20));
        assertEquals(Duration.ofSeconds(8), LoginLimit.ADDRESS_DEFAULT.delayAfter(23));
    }

    @Test
    void theWaitRunsFromTheLastFailureAndEndsByTime() {
        long last = 1_000_000;
        Failures seven = new Failures(7, last);
        assertEquals(4_000, account.waitMillis(seven, last));
        assertEquals(1_500, account.waitMillis(seven, last + 2_500));
        assertEquals(0, account.waitMillis(seven, last + 4_000), "open again after 4 s");
        assertEquals(0, account.waitMillis(new Failures(4, last), last), "the fifth attempt is free");
        assertEquals(0, account.waitMillis(null, last), "nothing counted, nothing to wait for");
    }

    @Test
    void failuresAreForgottenAWindowAfterTheLastOne() {
        long last = 5_000_000;
        Failures locked = new Failures(30, last);
        long hour = Duration.ofHours(1).toMillis();
        assertEquals(900_000, account.waitMillis(locked, last));
        assertEquals(0, account.waitMillis(locked, last + 900_000), "the lock ends after 15 minutes");
        assertEquals(new Failures(31, last + 900_000), account.plusOne(locked, last + 900_000), "still counted");
        assertEquals(new Failures(1, last + hour), account.plusOne(locked, last + hour), "an hour later: afresh");
    }

    @Test
    void theWindowIsNeverShorterThanTheLock() {
        LoginLimit odd = new LoginLimit(3, Duration.ofMinutes(30), Duration.ofMinutes(10));
        assertEquals(Duration.ofMinutes(30), odd.window(), "else a locked account would be forgotten while locked");
        assertThrows(IllegalArgumentException.class, () -> new LoginLimit(-1, Duration.ofSeconds(1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new LoginLimit(1, Duration.ZERO, Duration.ZERO));
    }

    @Test
    void failuresAreStoredAsTextAndUnreadableTextCountsAsNone() {
        Failures f = new Failures(12, 1_700_000_000_123L);
        assertEquals("12/1700000000123", f.encode());
        assertEquals(f, Failures.parse(f.encode()));
        assertNull(Failures.parse(null));
        assertNull(Failures.parse("garbage"));
        assertNull(Failures.parse("0/5"));
        assertNull(Failures.parse("/5"));
        assertNull(Failures.parse(new byte[] {1}));
    }

    @Test
    void systemPropertiesOverrideTheDefaultsAndBadValuesAreIgnored() {
        String prefix = "parley.test.login." + System.nanoTime();
        System.setProperty(prefix + ".free-failures", "3");
        System.setProperty(prefix + ".max-delay-seconds", "60");
        System.setProperty(prefix + ".window-seconds", "not a number");
        try {
            LoginLimit limit = LoginLimit.fromSystemProperties(prefix, LoginLimit.ACCOUNT_DEFAULT);
            assertEquals(new LoginLimit(3, Duration.ofSeconds(60), Duration.ofHours(1)), limit);
        } finally {
            System.clearProperty(prefix + ".free-failures");
            System.clearProperty(prefix + ".max-delay-seconds");
            System.clearProperty(prefix + ".window-seconds");
        }
        assertEquals(LoginLimit.ACCOUNT_DEFAULT, LoginLimit.fromSystemProperties(prefix, LoginLimit.ACCOUNT_DEFAULT));
    }
}
