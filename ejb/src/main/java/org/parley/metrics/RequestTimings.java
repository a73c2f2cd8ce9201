package org.parley.metrics;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts and times the steps of one request. One instance lives on the request's thread between {@link #begin()}
 * and {@link #end()}; local EJB calls run on that same thread, so services and Hibernate add to it directly. Outside a
 * request (timers, MDBs) there is no current instance and recording is a no-op.
 */
public final class RequestTimings {

    /** The kinds of step reported; the names are the {@code Server-Timing} metric names. */
    public enum Kind {
        SQL("sql"),
        CACHE("cache"),
        /** Lists answered by the in-memory tag engine. */
        TAGS("tags"),
        /** Full-text queries (Hibernate Search: the Lucene index or Elasticsearch). */
        SEARCH("search"),
        /** Images the image proxy fetched from other servers. */
        FETCH("fetch");

        private final String metric;

        Kind(String metric) {
            this.metric = metric;
        }

        public String metric() {
            return metric;
        }
    }

    /**
     * The request attribute under which the {@code Server-Timing} filter leaves the request's timings, for the access
     * log, which runs outside it and reads them once the response is sent.
     */
    public static final String ATTRIBUTE = RequestTimings.class.getName();

    private static final ThreadLocal<RequestTimings> CURRENT = new ThreadLocal<>();

    private final long startNanos = System.nanoTime();
    private final Map<Kind, long[]> totals = new EnumMap<>(Kind.class); // kind -> {count, nanos}
    private long bytesSent;

    private RequestTimings() {}

    /** Starts timing the current thread's request, replacing any leftover from an earlier one. */
    public static RequestTimings begin() {
        RequestTimings timings = new RequestTimings();
        CURRENT.set(timings);
        return timings;
    }

    /** Stops timing the current thread's request. */
    public static void end() {
        CURRENT.remove();
    }

    /** Adds one step of {@code kind} that took {@code nanos} to the current request, if there is one. */
    public static void record(Kind kind, long nanos) {
        RequestTimings timings = CURRENT.get();
        if (timings != null) {
            long[] total = timings.totals.computeIfAbsent(kind, k -> new long[2]);
            total[0]++;
            total[1] += nanos;
        }
    }

    /**
     * Times a step of {@code kind}; use with try-with-resources around a remote call.
     *
     * <pre>try (var step = RequestTimings.step(Kind.CACHE)) { ... }</pre>
     */
    public static Step step(Kind kind) {
        return new Step(kind, System.nanoTime());
    }

    public long count(Kind kind) {
        long[] total = totals.get(kind);
        return total == null ? 0 : total[0];
    }

    public double millis(Kind kind) {
        return nanos(kind) / 1e6;
    }

    /** Notes the body's length once it has been sent whole. */
    public void sent(long bytes) {
        bytesSent = bytes;
    }

    /** The body's bytes, when the response was sent whole (0 for an error page, a redirect or a long-poll). */
    public long bytesSent() {
        return bytesSent;
    }

    /** Nanoseconds spent in steps of {@code kind}. */
    public long nanos(Kind kind) {
        long[] total = totals.get(kind);
        return total == null ? 0 : total[1];
    }

    /** Nanoseconds since {@link #begin()}. */
    public long totalNanos() {
        return System.nanoTime() - startNanos;
    }

    public double totalMillis() {
        return totalNanos() / 1e6;
    }

    /**
     * The W3C {@code Server-Timing} header value: statement count and time, cache time and total time, e.g. {@code
     * sql;dur=3.2;desc="4 queries", cache;dur=0.1, tags;dur=0.2, total;dur=12.7}; requests that searched also get
     * {@code search;dur=...;desc="N queries"} before the total, and those that fetched a remote image {@code
     * fetch;dur=...}.
     */
    public String serverTimingHeader() {
        String search = count(Kind.SEARCH) == 0
                ? ""
                : String.format(
                        java.util.Locale.ROOT,
                        ", search;dur=%.2f;desc=\"%d queries\"",
                        millis(Kind.SEARCH),
                        count(Kind.SEARCH));
        if (count(Kind.FETCH) > 0) {
            search += String.format(java.util.Locale.ROOT, ", fetch;dur=%.2f", millis(Kind.FETCH));
        }
        return String.format(
                java.util.Locale.ROOT,
                "sql;dur=%.2f;desc=\"%d queries\", cache;dur=%.2f;desc=\"%d gets\", tags;dur=%.2f%s, total;dur=%.2f",
                millis(Kind.SQL),
                count(Kind.SQL),
                millis(Kind.CACHE),
                count(Kind.CACHE),
                millis(Kind.TAGS),
                search,
                totalMillis());
    }

    /** A running step; closing it records its duration. */
    public static final class Step implements AutoCloseable {
        private final Kind kind;
        private final long start;

        private Step(Kind kind, long start) {
            this.kind = kind;
            this.start = start;
        }

        @Override
        public void close() {
            record(kind, System.nanoTime() - start);
        }
    }
}
