package org.parley.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.parley.analysis.SearchNames;

/** Calendar arithmetic in UTC shared by the aggregations and their SQL twins, and the month-keyed index values. */
public final class AnalyticsMonths {

    /** The largest seconds value a month key holds. */
    public static final long MAX_SECONDS = (1L << SearchNames.MONTH_SHIFT) - 1;

    private AnalyticsMonths() {}

    /**
     * A month as one number: months since January 1970 (earlier ones count as January 1970). Small, so that a key
     * stays below 2^53: OpenSearch's range aggregation compares bounds as doubles, exact only up to there.
     */
    public static long index(YearMonth month) {
        return Math.max(0, (month.getYear() - 1970) * 12L + month.getMonthValue() - 1);
    }

    /** The month (UTC) an instant falls in. */
    public static YearMonth of(Instant instant) {
        return YearMonth.from(instant.atZone(ZoneOffset.UTC));
    }

    public static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first key of a month: {@code index(month) << MONTH_SHIFT}. */
    public static long base(YearMonth month) {
        return index(month) << SearchNames.MONTH_SHIFT;
    }

    /**
     * The {@link SearchNames#POST_FIRST_ANSWER_KEY} of a question asked at {@code created}, answered first after
     * {@code seconds} (clamped to 0..{@link #MAX_SECONDS}).
     */
    public static long key(Instant created, long seconds) {
        return base(of(created)) | Math.min(Math.max(seconds, 0), MAX_SECONDS);
    }
}
