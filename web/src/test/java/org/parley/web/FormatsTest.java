package org.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats fmt = new Formats();
    private final Instant now = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void relativeTimes() {
        assertEquals("just now", Formats.ago(now.minusSeconds(5), now));
        assertEquals("1 min ago", Formats.ago(now.minusSeconds(60), now));
        assertEquals("3 hours ago", Formats.ago(now.minus(Duration.ofHours(3)), now));
        assertEquals("yesterday", Formats.ago(now.minus(Duration.ofHours(30)), now));
        assertEquals("12 days ago", Formats.ago(now.minus(Duration.ofDays(12)), now));
        assertEquals("Aug 23, 2026", Formats.ago(now.minus(Duration.ofDays(90)), now));
        assertEquals("", Formats.ago(null, now));
    }

    @Test
    void compactCounts() {
        assertEquals("999", fmt.count(999));
        assertEquals("1k", fmt.count(1000));
        assertEquals("1.2k", fmt.count(1234));
        assertEquals("12k", fmt.count(12_345));
        assertEquals("1.3m", fmt.count(1_250_000));
    }

    @Test
    void plurals() {
        assertEquals("1 answer", fmt.plural(1, "answer", "answers"));
        assertEquals("0 answers", fmt.plural(0, "answer", "answers"));
    }

    @Test
    void numbersWithThousandsSeparators() {
        assertEquals("30,000", fmt.number(30_000));
        assertEquals("12", fmt.number(12));
    }
}
