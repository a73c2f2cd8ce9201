package org.parley.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOverUnsortedValues() {
        Percentiles p = new Percentiles();
        for (long v : new long[] {40, 10, 30, 20}) {
            p.add(v);
        }
        assertEquals(20, p.percentile(50));
        assertEquals(40, p.percentile(95));
        assertEquals(10, p.percentile(1));
        assertEquals(40, p.percentile(100));
    }

    @Test
    void aHundredValuesGiveTheirRanks() {
        Percentiles p = new Percentiles();
        for (long v = 100; v >= 1; v--) {
            p.add(v * 1000);
        }
        assertEquals(50_000, p.percentile(50));
        assertEquals(95_000, p.percentile(95));
        assertEquals(99_000, p.percentile(99));
        p.add(1_000_000); // adding after a read sorts again
        assertEquals(100_000, p.percentile(99));
    }

    @Test
    void emptyIsZeroAndOutOfRangeIsRefused() {
        Percentiles p = new Percentiles();
        assertEquals(0, p.percentile(99));
        p.add(7);
        assertEquals(7, p.percentile(50));
        assertThrows(IllegalArgumentException.class, () -> p.percentile(0));
        assertThrows(IllegalArgumentException.class, () -> p.percentile(101));
    }
}
