package org.parley.search.web;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.DayOfWeek;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.parley.common.JsonProviders;

/**
 * Chart.js configurations for PrimeFaces' {@code p:chart} (PrimeFaces 15 draws every chart with Chart.js from a JSON
 * configuration), and the formats the analytics tables beside them share. Colours are the stylesheet's accent and a
 * second hue that stays distinct for colour-blind readers; every chart also has its table.
 */
public final class AnalyticsCharts {

    /** The first series' colour (the stylesheet's --accent). */
    static final String FIRST = "#2454d6";

    /** The second series' colour (orange: distinct from blue in every common colour-vision deficiency). */
    static final String SECOND = "#d9730d";

    private AnalyticsCharts() {}

    /** One series of a chart: a label and one number (or null, a gap) per category. */
    public record Series(String label, List<? extends Number> values) {}

    /** A vertical bar chart, one bar per category and series. */
    public static String bars(List<String> labels, List<Series> series, String yTitle) {
        return chart("bar", labels, series, yTitle, false);
    }

    /** A horizontal bar chart (long category names, e.g. tags and people). */
    public static String horizontalBars(List<String> labels, List<Series> series, String xTitle) {
        return chart("bar", labels, series, xTitle, true);
    }

    /** A line chart. */
    public static String lines(List<String> labels, List<Series> series, String yTitle) {
        return chart("line", labels, series, yTitle, false);
    }

    private static String chart(
            String type, List<String> labels, List<Series> series, String valueTitle, boolean horizontal) {
        JsonArrayBuilder datasets = JsonProviders.JSON.createArrayBuilder();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = i == 0 ? FIRST : SECOND;
            JsonArrayBuilder data = JsonProviders.JSON.createArrayBuilder();
            for (Number v : s.values()) {
                if (v == null) {
                    data.addNull();
                } else if (v instanceof Double || v instanceof Float) {
                    data.add(Math.round(v.doubleValue() * 10) / 10.0);
                } else {
                    data.add(v.longValue());
                }
            }
            JsonObjectBuilder set = JsonProviders.JSON
                    .createObjectBuilder()
                    .add("label", s.label())
                    .add("data", data)
                    .add("backgroundColor", colour)
                    .add("borderColor", colour);
            if ("line".equals(type)) {
                set.add("fill", false)
                        .add("tension", 0.2)
                        .add("spanGaps", false)
                        .add("pointRadius", 3);
            }
            datasets.add(set);
        }
        JsonArrayBuilder categories = JsonProviders.JSON.createArrayBuilder();
        labels.forEach(categories::add);
        String valueAxis = horizontal ? "x" : "y";
        boolean counts = series.stream()
                .flatMap(x -> x.values().stream())
                .noneMatch(v -> v instanceof Double || v instanceof Float);
        JsonObjectBuilder scales = JsonProviders.JSON
                .createObjectBuilder()
                .add(
                        valueAxis,
                        JsonProviders.JSON
                                .createObjectBuilder()
                                .add("beginAtZero", true)
                                // Counts get whole-number ticks only (no "0.5 messages").
                                .add(
                                        "ticks",
                                        JsonProviders.JSON.createObjectBuilder().add("precision", counts ? 0 : 1))
                                .add(
                                        "title",
                                        JsonProviders.JSON
                                                .createObjectBuilder()
                                                .add("display", true)
                                                .add("text", valueTitle)));
        JsonObjectBuilder options = JsonProviders.JSON
                .createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add("scales", scales)
                .add(
                        "plugins",
                        JsonProviders.JSON
                                .createObjectBuilder()
                                .add(
                                        "legend",
                                        JsonProviders.JSON
                                                .createObjectBuilder()
                                                .add("display", series.size() > 1)
                                                .add("position", "bottom")));
        if (horizontal) {
            options.add("indexAxis", "y");
        }
        return JsonProviders.JSON
                .createObjectBuilder()
                .add("type", type)
                .add(
                        "data",
                        JsonProviders.JSON
                                .createObjectBuilder()
                                .add("labels", categories)
                                .add("datasets", datasets))
                .add("options", options)
                .build()
                .toString();
    }

    /** "Mar 2026": a month as series labels show it. */
    public static String month(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + month.getYear();
    }

    /** "Monday" for ISO day 1. */
    public static String weekday(int isoDay) {
        return DayOfWeek.of(isoDay).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** A duration for people, to two units: "45 s", "12 min", "3 h 5 min", "2 d 4 h"; "–" for none. */
    public static String duration(Long seconds) {
        if (seconds == null) {
            return "–";
        }
        long s = seconds;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            long m = s % 3600 / 60;
            return s / 3600 + " h" + (m > 0 ? " " + m + " min" : "");
        }
        long h = s % 86_400 / 3600;
        return s / 86_400 + " d" + (h > 0 ? " " + h + " h" : "");
    }

    /** A share as a whole percentage ("67 %"), "–" for none. */
    public static String percent(Double share) {
        return share == null ? "–" : Math.round(share * 100) + " %";
    }

    /** A growth figure: "+50 %", "−20 %", "new" when there was nothing before. */
    public static String growth(Double growth) {
        if (growth == null) {
            return "new";
        }
        long p = Math.round(growth * 100);
        return (p > 0 ? "+" : p < 0 ? "−" : "") + Math.abs(p) + " %";
    }
}
