package org.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StackQuotaTest {

    @Test
    void countsDownPerAddressAndRefusesWhenUsedUp() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));
        StackQuota quota = new StackQuota(now::get, 3);
        assertEquals(new StackQuota.Quota(3, 2, false), quota.take("203.0.113.9"));
        assertEquals(new StackQuota.Quota(3, 1, false), quota.take("203.0.113.9"));
        assertEquals(new StackQuota.Quota(3, 2, false), quota.take("198.51.100.1"), "another address counts apart");
        assertEquals(new StackQuota.Quota(3, 0, false), quota.take("203.0.113.9"));
        StackQuota.Quota refused = quota.take("203.0.113.9");
        assertTrue(refused.exceeded());
        assertEquals(0, refused.remaining());
        assertTrue(quota.take("203.0.113.9").exceeded(), "stays refused for the day");

        now.set(now.get().plus(Duration.ofDays(1)));
        StackQuota.Quota tomorrow = quota.take("203.0.113.9");
        assertFalse(tomorrow.exceeded());
        assertEquals(2, tomorrow.remaining(), "a new day starts afresh");
    }
}
