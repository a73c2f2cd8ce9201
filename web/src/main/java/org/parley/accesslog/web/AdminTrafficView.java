package org.parley.accesslog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.parley.accesslog.AccessStatistic;
import org.parley.accesslog.TrafficService;
import org.parley.rules.NotAllowedException;
import org.parley.search.web.AnalyticsCharts;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Redirects;

/**
 * The access log's statistics ({@code /admin/traffic}): a day's requests per site and route ({@code ?day=}, today by
 * default), the last {@value #HOURS} hours', requests per hour as a chart, this node's local log, and "Roll up now".
 * web.xml lets only admins in, the page lets only admins on, and {@link TrafficService} lets only the server's.
 */
@Named
@RequestScoped
public class AdminTrafficView {

    static final int HOURS = 3;

    @Inject
    private TrafficService traffic;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    private String day;
    private LocalDate date;
    private String dayError;
    private List<AccessStatistic> dayStats;
    private List<AccessStatistic> hourStats;
    private TrafficService.NodeState node;

    public void load() {
        if (!viewer.isAdmin()) {
            throw new NotAllowedException("Only the server's admins can read the traffic statistics.");
        }
        date = LocalDate.now(ZoneOffset.UTC);
        if (day != null && !day.isBlank()) {
            try {
                date = LocalDate.parse(day.strip());
            } catch (DateTimeParseException e) {
                dayError = "Not a day: give it as 2026-12-07. Today is shown.";
            }
        }
        dayStats = traffic.day(viewer.actor(), date);
        hourStats = traffic.lastHours(viewer.actor(), HOURS);
    }

    /** Ships this node's backlog, rolls up today and shows it. */
    public void rollUpNow() throws IOException {
        int rows = traffic.rollUpNow(viewer.actor());
        Redirects.withNotice(
                "Rolled up today: " + rows + (rows == 1 ? " statistics row." : " statistics rows."),
                links.adminTraffic());
    }

    /** Requests per hour of the day shown, all sites and routes: the chart's configuration. */
    public String getHoursChart() {
        Map<Integer, Long> perHour = new TreeMap<>();
        for (int h = 0; h < 24; h++) {
            perHour.put(h, 0L);
        }
        for (TrafficService.HourTotal h : traffic.hoursOf(viewer.actor(), date)) {
            perHour.merge(h.start().atZone(ZoneOffset.UTC).getHour(), h.requests(), Long::sum);
        }
        List<String> labels = new ArrayList<>();
        perHour.keySet().forEach(h -> labels.add(String.format(Locale.ROOT, "%02d", h)));
        return AnalyticsCharts.bars(
                labels, List.of(new AnalyticsCharts.Series("Requests", List.copyOf(perHour.values()))), "Requests");
    }

    /** Microseconds as milliseconds with one decimal. */
    public String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    /** Bytes as B, kB, MB or GB (powers of 1,000). */
    public String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** {@code part} of {@code whole} as a whole percentage. */
    public String share(long part, long whole) {
        return whole == 0 ? "–" : Math.round(100.0 * part / whole) + " %";
    }

    /** "12:00" for an hour's start. */
    public String hour(Instant start) {
        return start.atZone(ZoneOffset.UTC).toLocalTime().truncatedTo(ChronoUnit.MINUTES) + "";
    }

    public String getDay() {
        return day;
    }

    public void setDay(String day) {
        this.day = day;
    }

    public LocalDate getDate() {
        return date;
    }

    public LocalDate getPreviousDay() {
        return date.minusDays(1);
    }

    /** The day after the one shown, unless that is today or later (null; also on a postback, which loads nothing). */
    public LocalDate getNextDay() {
        return date != null && date.isBefore(LocalDate.now(ZoneOffset.UTC)) ? date.plusDays(1) : null;
    }

    public String getDayError() {
        return dayError;
    }

    public List<AccessStatistic> getDayStats() {
        return dayStats;
    }

    public List<AccessStatistic> getHourStats() {
        return hourStats;
    }

    /** This server's log; read on first use, since a postback (Roll up now) runs no view action. */
    public TrafficService.NodeState getNode() {
        if (node == null) {
            node = traffic.node(viewer.actor());
        }
        return node;
    }

    public int getHours() {
        return HOURS;
    }
}
