package org.parley.accesslog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The requests of one site and route in one hour or day (table {@code access_stat}), made by {@link AccessRollup}
 * from the shipped rows: counts, bytes, 5xx errors, logged-in requests and the server time's percentiles
 * (microseconds). A rollup of the same period replaces its rows.
 */
@Entity
@Table(
        name = "access_stat",
        indexes = {@Index(name = "ux_access_stat_period", columnList = "span, start_time, site, route", unique = true)})
public class AccessStatistic {

    /** How long a row's period is. */
    public enum Span {
        HOUR,
        DAY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 4)
    private Span span;

    @Column(name = "start_time", nullable = false)
    private Instant start;

    @Column(nullable = false, length = AccessRecord.SITE)
    private String site;

    @Column(nullable = false, length = AccessRecord.ROUTE)
    private String route;

    private long requests;

    @Column(name = "page_loads")
    private long pageLoads;

    private long bytes;
    private long errors;

    @Column(name = "logged_in")
    private long loggedIn;

    @Column(name = "mean_us")
    private long meanMicros;

    @Column(name = "p50_us")
    private long p50Micros;

    @Column(name = "p95_us")
    private long p95Micros;

    @Column(name = "p99_us")
    private long p99Micros;

    protected AccessStatistic() {}

    AccessStatistic(Span span, Instant start, String site, String route, Tally tally) {
        this.span = span;
        this.start = start;
        this.site = site;
        this.route = route;
        this.requests = tally.requests;
        this.pageLoads = tally.pageLoads;
        this.bytes = tally.bytes;
        this.errors = tally.errors;
        this.loggedIn = tally.loggedIn;
        this.meanMicros = tally.requests == 0 ? 0 : tally.totalMicros / tally.requests;
        this.p50Micros = tally.times.percentile(50);
        this.p95Micros = tally.times.percentile(95);
        this.p99Micros = tally.times.percentile(99);
    }

    /** What one period's requests of a site and route add up to. */
    static final class Tally {
        long requests;
        long pageLoads;
        long bytes;
        long errors;
        long loggedIn;
        long totalMicros;
        final Percentiles times = new Percentiles();

        void add(int status, long bytes, long micros, boolean page, boolean loggedIn) {
            requests++;
            this.bytes += bytes;
            totalMicros += micros;
            times.add(micros);
            if (page) {
                pageLoads++;
            }
            if (status >= 500) {
                errors++;
            }
            if (loggedIn) {
                this.loggedIn++;
            }
        }
    }

    public Span getSpan() {
        return span;
    }

    public Instant getStart() {
        return start;
    }

    public String getSite() {
        return site;
    }

    public String getRoute() {
        return route;
    }

    public long getRequests() {
        return requests;
    }

    public long getPageLoads() {
        return pageLoads;
    }

    public long getBytes() {
        return bytes;
    }

    public long getErrors() {
        return errors;
    }

    public long getLoggedIn() {
        return loggedIn;
    }

    public long getMeanMicros() {
        return meanMicros;
    }

    public long getP50Micros() {
        return p50Micros;
    }

    public long getP95Micros() {
        return p95Micros;
    }

    public long getP99Micros() {
        return p99Micros;
    }
}
