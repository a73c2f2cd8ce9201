package org.parley.search.web;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.parley.rules.InvalidInputException;
import org.parley.search.AnalyticsPeriod;
import org.parley.search.AnalyticsPeriod.Unit;

/**
 * The period selector of the analytics pages: which period the URL asks for ({@code ?p=2026-Q4}; none: this year),
 * and the links to the previous and next period and to the month, quarter or year around it.
 */
public final class AnalyticsPeriodNav implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String base;
    private final AnalyticsPeriod period;
    private final String problem;

    /** A link of the unit switcher. */
    public record UnitLink(String label, String href, boolean current) implements Serializable {}

    private AnalyticsPeriodNav(String base, AnalyticsPeriod period, String problem) {
        this.base = base;
        this.period = period;
        this.problem = problem;
    }

    /**
     * Reads the page's {@code p} parameter; a bad one falls back to this year with {@link #getProblem()} saying why.
     *
     * @param base the page's URL without parameters
     */
    public static AnalyticsPeriodNav of(String base, String code, LocalDate today) {
        AnalyticsPeriod fallback = AnalyticsPeriod.containing(Unit.YEAR, today);
        if (code == null || code.isBlank()) {
            return new AnalyticsPeriodNav(base, fallback, null);
        }
        try {
            return new AnalyticsPeriodNav(base, AnalyticsPeriod.parse(code), null);
        } catch (InvalidInputException e) {
            return new AnalyticsPeriodNav(base, fallback, e.getMessage() + " Showing " + fallback.label() + ".");
        }
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The page's URL without parameters. */
    public String getBase() {
        return base;
    }

    public AnalyticsPeriod getPeriod() {
        return period;
    }

    /** Why the requested period was not shown, or null. */
    public String getProblem() {
        return problem;
    }

    public String href(AnalyticsPeriod p) {
        return base + "?p=" + URLEncoder.encode(p.code(), StandardCharsets.UTF_8);
    }

    public String getPreviousHref() {
        return period.hasPrevious() ? href(period.previous()) : null;
    }

    public String getPreviousLabel() {
        return period.hasPrevious() ? period.previous().label() : null;
    }

    public String getNextHref() {
        return period.next().first().getYear() <= AnalyticsPeriod.MAX_YEAR ? href(period.next()) : null;
    }

    public String getNextLabel() {
        return period.next().label();
    }

    /** Month, quarter and year around the period: its last day, or today when that is earlier. */
    public List<UnitLink> getUnits() {
        LocalDate last = period.end().minusDays(1);
        LocalDate today = today();
        LocalDate around = last.isAfter(today) && !period.first().isAfter(today) ? today : last;
        return Arrays.stream(Unit.values())
                .map(u -> new UnitLink(
                        switch (u) {
                            case MONTH -> "Month";
                            case QUARTER -> "Quarter";
                            case YEAR -> "Year";
                        },
                        href(AnalyticsPeriod.containing(u, around)),
                        u == period.unit()))
                .toList();
    }
}
