package org.parley.search.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.search.web.AnalyticsCharts.Series;

class AnalyticsChartsTest {

    @Test
    void durationsReadAsPeopleSayThem() {
        assertEquals("–", AnalyticsCharts.duration(null));
        assertEquals("45 s", AnalyticsCharts.duration(45L));
        assertEquals("12 min", AnalyticsCharts.duration(12 * 60L + 5));
        assertEquals("1 h", AnalyticsCharts.duration(3600L));
        assertEquals("3 h 5 min", AnalyticsCharts.duration(3 * 3600L + 5 * 60));
        assertEquals("2 d 4 h", AnalyticsCharts.duration(2 * 86_400L + 4 * 3600 + 59));
    }

    @Test
    void sharesAndGrowth() {
        assertEquals("67 %", AnalyticsCharts.percent(2 / 3.0));
        assertEquals("–", AnalyticsCharts.percent(null));
        assertEquals("+50 %", AnalyticsCharts.growth(0.5));
        assertEquals("−20 %", AnalyticsCharts.growth(-0.2));
        assertEquals("0 %", AnalyticsCharts.growth(0.0));
        assertEquals("new", AnalyticsCharts.growth(null));
        assertEquals("Mar 2026", AnalyticsCharts.month(YearMonth.of(2026, 3)));
        assertEquals("Monday", AnalyticsCharts.weekday(1));
    }

    @Test
    void aChartIsChartJsJsonWithGapsAndEscapedLabels() {
        String json = AnalyticsCharts.lines(
                List.of("Jan", "Feb \"<b>\""),
                List.of(new Series("Rate", Arrays.asList(66.66, null)), new Series("Count", List.of(1L, 2L))),
                "%");
        JsonObject chart = Json.createReader(new StringReader(json)).readObject();
        assertEquals("line", chart.getString("type"));
        assertEquals(
                "Feb \"<b>\"",
                chart.getJsonObject("data").getJsonArray("labels").getString(1));
        var first = chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0);
        assertEquals(66.7, first.getJsonArray("data").getJsonNumber(0).doubleValue());
        assertTrue(first.getJsonArray("data").isNull(1), "a month without figure is a gap, not 0");
        assertEquals(
                "#d9730d",
                chart.getJsonObject("data")
                        .getJsonArray("datasets")
                        .getJsonObject(1)
                        .getString("borderColor"));
        assertTrue(chart.getJsonObject("options")
                .getJsonObject("plugins")
                .getJsonObject("legend")
                .getBoolean("display"));

        JsonObject bars = Json.createReader(new StringReader(
                        AnalyticsCharts.horizontalBars(List.of("wine"), List.of(new Series("Q", List.of(3L))), "n")))
                .readObject();
        assertEquals("y", bars.getJsonObject("options").getString("indexAxis"));
        assertEquals(
                0,
                bars.getJsonObject("options")
                        .getJsonObject("scales")
                        .getJsonObject("x")
                        .getJsonObject("ticks")
                        .getInt("precision"),
                "counts get whole-number ticks");
        assertEquals(
                3,
                bars.getJsonObject("data")
                        .getJsonArray("datasets")
                        .getJsonObject(0)
                        .getJsonArray("data")
                        .getInt(0));
    }

    @Test
    void thePeriodSelectorFallsBackToThisYearWithAReason() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        AnalyticsPeriodNav nav = AnalyticsPeriodNav.of("/admin/analytics", "2026-13", today);
        assertEquals("2026", nav.getPeriod().code());
        assertTrue(nav.getProblem().contains("01 to 12"), nav.getProblem());
        assertNull(AnalyticsPeriodNav.of("/admin/analytics", null, today).getProblem());
        AnalyticsPeriodNav q = AnalyticsPeriodNav.of("/admin/analytics", "2025-Q2", today);
        assertEquals("/admin/analytics?p=2025-Q1", q.getPreviousHref());
        assertEquals("/admin/analytics?p=2025-Q3", q.getNextHref());
        assertEquals("/admin/analytics?p=2025-06", q.getUnits().get(0).href(), "the month: the quarter's last");
        assertEquals("/admin/analytics?p=2025", q.getUnits().get(2).href());
        assertTrue(q.getUnits().get(1).current());
        assertNull(AnalyticsPeriodNav.of("/m", "1970", today).getPreviousHref(), "nothing before 1970");
    }
}
