package org.parley.people;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/** The time a directory tab counts over, ending now. */
public enum Period {
    WEEK("week", "Week", 7),
    MONTH("month", "Month", 30),
    QUARTER("quarter", "Quarter", 91),
    YEAR("year", "Year", 365),
    ALL("all", "All", 0);

    private final String param;
    private final String label;
    private final int days;

    Period(String param, String label, int days) {
        this.param = param;
        this.label = label;
        this.days = days;
    }

    /** The period named by a URL parameter, or {@code fallback} for null or anything unknown. */
    public static Period of(String param, Period fallback) {
        String p = param == null ? "" : param.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(x -> x.param.equals(p))
                .findFirst()
                .orElse(fallback);
    }

    /** The first instant in the period that ends at {@code now}; {@link Instant#EPOCH} for {@link #ALL}. */
    public Instant since(Instant now) {
        return days == 0 ? Instant.EPOCH : now.minus(Duration.ofDays(days));
    }

    public String param() {
        return param;
    }

    public String label() {
        return label;
    }
}
