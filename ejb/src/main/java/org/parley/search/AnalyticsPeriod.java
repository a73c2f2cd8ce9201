package org.parley.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.rules.InvalidInputException;

/**
 * The span analytics figures cover: one calendar month, quarter or year in UTC. Its code is what the pages put in the
 * URL ({@code 2026-11}, {@code 2026-Q4}, {@code 2026}). Monthly series end with the period's last month and go back
 * {@value #SERIES_MONTHS} months ({@link #months()}); every other figure covers the period itself.
 *
 * @param unit month, quarter or year
 * @param first the period's first day
 */
public record AnalyticsPeriod(Unit unit, LocalDate first) {

    /** How many months a monthly series shows. */
    public static final int SERIES_MONTHS = 12;

    /** The earliest and latest year a period may be in. */
    public static final int MIN_YEAR = 1970;

    public static final int MAX_YEAR = 2100;

    private static final Pattern CODE = Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|Q([1-4])))?");

    /** The length of a period. */
    public enum Unit {
        MONTH(1),
        QUARTER(3),
        YEAR(12);

        private final int months;

        Unit(int months) {
            this.months = months;
        }

        public int months() {
            return months;
        }

        /** The unit named by a page parameter ({@code month}, {@code quarter}, {@code year}), case-insensitive. */
        public static Unit parse(String name) {
            for (Unit u : values()) {
                if (u.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return u;
                }
            }
            throw new InvalidInputException("unit", "Choose month, quarter or year.");
        }
    }

    public AnalyticsPeriod {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(first, "first");
        if (first.getDayOfMonth() != 1 || (first.getMonthValue() - 1) % unit.months() != 0) {
            throw new IllegalArgumentException(first + " does not start a " + unit);
        }
        if (first.getYear() < MIN_YEAR || first.getYear() > MAX_YEAR) {
            throw new InvalidInputException("period", "Choose a period between " + MIN_YEAR + " and " + MAX_YEAR + ".");
        }
    }

    /** The period of {@code unit} that contains {@code day}. */
    public static AnalyticsPeriod containing(Unit unit, LocalDate day) {
        int month0 = (day.getMonthValue() - 1) / unit.months() * unit.months();
        return new AnalyticsPeriod(unit, LocalDate.of(day.getYear(), month0 + 1, 1));
    }

    /** The period of {@code unit} that contains {@code instant} (UTC). */
    public static AnalyticsPeriod containing(Unit unit, Instant instant) {
        return containing(unit, instant.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /**
     * Reads a period's code: {@code yyyy} (a year), {@code yyyy-Qn} (a quarter) or {@code yyyy-mm} (a month).
     *
     * @throws InvalidInputException for anything else, or a year outside {@value #MIN_YEAR}–{@value #MAX_YEAR}
     */
    public static AnalyticsPeriod parse(String code) {
        Matcher m = CODE.matcher(code == null ? "" : code.strip());
        if (!m.matches()) {
            throw new InvalidInputException(
                    "period", "A period is a year (2026), a quarter (2026-Q4) or a month (2026-11).");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidInputException("period", "Choose a period between " + MIN_YEAR + " and " + MAX_YEAR + ".");
        }
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new InvalidInputException("period", "A month is 01 to 12.");
            }
            return new AnalyticsPeriod(Unit.MONTH, LocalDate.of(year, month, 1));
        }
        if (m.group(3) != null) {
            int quarter = Integer.parseInt(m.group(3));
            return new AnalyticsPeriod(Unit.QUARTER, LocalDate.of(year, (quarter - 1) * 3 + 1, 1));
        }
        return new AnalyticsPeriod(Unit.YEAR, LocalDate.of(year, 1, 1));
    }

    /** The code {@link #parse} reads. */
    public String code() {
        return switch (unit) {
            case MONTH -> YearMonth.from(first).toString();
            case QUARTER -> first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(first.getYear());
        };
    }

    /** For people: "November 2026", "Q4 2026", "2026". */
    public String label() {
        return switch (unit) {
            case MONTH -> first.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + first.getYear();
            case QUARTER -> "Q" + ((first.getMonthValue() - 1) / 3 + 1) + " " + first.getYear();
            case YEAR -> Integer.toString(first.getYear());
        };
    }

    /** The first day after the period. */
    public LocalDate end() {
        return first.plusMonths(unit.months());
    }

    /** The period's first instant (UTC midnight of its first day). */
    public Instant startInstant() {
        return first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    public Instant endInstant() {
        return end().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The period of the same unit just before; figures compare with it ("growth"). */
    public AnalyticsPeriod previous() {
        return new AnalyticsPeriod(unit, first.minusMonths(unit.months()));
    }

    /** The period of the same unit just after. */
    public AnalyticsPeriod next() {
        return new AnalyticsPeriod(unit, end());
    }

    /** Whether a period before this one is allowed (it would not start before {@value #MIN_YEAR}). */
    public boolean hasPrevious() {
        return first.minusMonths(unit.months()).getYear() >= MIN_YEAR;
    }

    /** The {@value #SERIES_MONTHS} months a monthly series shows: the last is the period's last month. */
    public List<YearMonth> months() {
        YearMonth last = YearMonth.from(end()).minusMonths(1);
        List<YearMonth> months = new ArrayList<>(SERIES_MONTHS);
        for (int i = SERIES_MONTHS - 1; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }
        return months;
    }

    /** The first instant of the monthly series. */
    public Instant seriesStart() {
        return AnalyticsMonths.start(months().get(0));
    }

    /** Every day of the period, in order. */
    public List<LocalDate> days() {
        return first.datesUntil(end()).toList();
    }
}
