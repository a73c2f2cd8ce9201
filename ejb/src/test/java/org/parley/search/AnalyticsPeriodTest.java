package org.parley.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.parley.analysis.SearchNames;
import org.parley.rules.InvalidInputException;
import org.parley.search.AnalyticsPeriod.Unit;

class AnalyticsPeriodTest {

    @Test
    void codesRoundTrip() {
        for (String code : new String[] {"2026", "2026-Q1", "2026-Q4", "2026-01", "2026-11", "1970-01"}) {
            assertEquals(code, AnalyticsPeriod.parse(code).code());
        }
        assertEquals(Unit.QUARTER, AnalyticsPeriod.parse("2026-Q3").unit());
        assertEquals(LocalDate.of(2026, 7, 1), AnalyticsPeriod.parse("2026-Q3").first());
        assertEquals("Q3 2026", AnalyticsPeriod.parse("2026-Q3").label());
        assertEquals("November 2026", AnalyticsPeriod.parse("2026-11").label());
    }

    @Test
    void badCodesAreRefusedWithAMessage() {
        for (String code : new String[] {"", "abc", "2026-13", "2026-00", "2026-Q5", "1969", "2101", "2026-1", null}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> AnalyticsPeriod.parse(code));
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Test
    void boundsPreviousAndContaining() {
        AnalyticsPeriod q = AnalyticsPeriod.containing(Unit.QUARTER, Instant.parse("2026-12-06T02:00:00Z"));
        assertEquals("2026-Q4", q.code());
        assertEquals(Instant.parse("2026-10-01T00:00:00Z"), q.startInstant());
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), q.endInstant());
        assertEquals("2026-Q3", q.previous().code());
        assertEquals("2027-Q1", q.next().code());
        assertEquals("2025", AnalyticsPeriod.parse("2026").previous().code());
        assertEquals("2025-12", AnalyticsPeriod.parse("2026-01").previous().code());
        assertFalse(AnalyticsPeriod.parse("1970").hasPrevious());
        assertTrue(AnalyticsPeriod.parse("1971-01").hasPrevious());
        assertEquals(92, q.days().size());
        assertEquals(365, AnalyticsPeriod.parse("2026").days().size());
    }

    @Test
    void theSeriesIsTwelveMonthsEndingWithThePeriod() {
        assertEquals(
                YearMonth.of(2026, 1), AnalyticsPeriod.parse("2026").months().get(0));
        assertEquals(
                YearMonth.of(2026, 12), AnalyticsPeriod.parse("2026").months().get(11));
        assertEquals(
                YearMonth.of(2025, 12),
                AnalyticsPeriod.parse("2026-11").months().get(0));
        assertEquals(
                YearMonth.of(2026, 3), AnalyticsPeriod.parse("2026-Q1").months().get(11));
        assertEquals(12, AnalyticsPeriod.parse("2026-Q1").months().size());
        assertEquals(
                Instant.parse("2025-04-01T00:00:00Z"),
                AnalyticsPeriod.parse("2026-Q1").seriesStart());
    }

    @Test
    void monthKeysKeepMonthsApartAndOrdered() {
        long key = AnalyticsMonths.key(Instant.parse("2026-11-30T23:59:59Z"), 90);
        assertEquals(AnalyticsMonths.base(YearMonth.of(2026, 11)) + 90, key);
        assertTrue(key < AnalyticsMonths.base(YearMonth.of(2026, 12)));
        assertEquals(
                AnalyticsMonths.base(YearMonth.of(2026, 11)) + AnalyticsMonths.MAX_SECONDS,
                AnalyticsMonths.key(Instant.parse("2026-11-01T00:00:00Z"), Long.MAX_VALUE),
                "clamped, never spilling into the next month");
        assertEquals(40, SearchNames.MONTH_SHIFT);
    }
}
