package org.parley.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link DumpDates#parse}: its digit-by-digit path for the dumps' own form reads what java.time reads. */
class DumpDatesTest {

    private static Instant javaTime(String v) {
        return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
    }

    @Test
    void readsTheDumpFormAsJavaTimeDoes() {
        for (String v : new String[] {
            "2010-08-25T19:50:51.187",
            "0000-06-01T00:00:00.000",
            "2012-02-29T23:59:59.999",
            "1970-01-01T00:00:00.000",
            "1969-12-31T23:59:59.001",
            "9999-12-31T23:59:59.999"
        }) {
            assertEquals(javaTime(v), DumpDates.parse(v), v);
        }
        Random random = new Random(18);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 250_000_000_000_000L));
            String v = DumpDates.format(t);
            assertEquals(t, DumpDates.parse(v), v);
            assertEquals(javaTime(v), DumpDates.parse(v), v);
        }
    }

    @Test
    void refusesWhatJavaTimeRefuses() {
        for (String v : new String[] {
            "2011-02-29T00:00:00.000",
            "2010-02-30T00:00:00.000",
            "2010-13-01T00:00:00.000",
            "2010-00-01T00:00:00.000",
            "2010-01-00T00:00:00.000",
            "2010-01-01T24:00:00.000",
            "2010-01-01T00:60:00.000",
            "2010-01-01T00:00:60.000",
            "2010-01-01T00:00:00.0x0",
            "2010-01-01T0a:00:00.000",
            "+010-01-01T00:00:00.000"
        }) {
            assertThrows(IllegalArgumentException.class, () -> DumpDates.parse(v), v);
        }
    }

    @Test
    void otherFormsStillRead() {
        assertEquals(javaTime("2010-08-25T00:00:00"), DumpDates.parse("2010-08-25"));
        assertEquals(javaTime("2010-08-25T19:50:51.1870001"), DumpDates.parse("2010-08-25T19:50:51.1870001"));
        assertEquals(javaTime("2010-08-25T19:50:51.187"), DumpDates.parse(" 2010-08-25T19:50:51.187 "));
        assertEquals(Instant.parse("2010-08-25T19:50:51.187Z"), DumpDates.parse("2010-08-25T19:50:51.187Z"));
        assertEquals(null, DumpDates.parse(" "));
    }
}
