package org.parley.dump;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Dates as the dumps write them: UTC without a zone, {@code 2010-08-25T19:50:51.187}. Older vote dates are
 * date-only ({@code 2010-08-25}) and read as midnight UTC; fractions of any length are accepted.
 */
public final class DumpDates {

    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private DumpDates() {}

    /**
     * @return null for null or blank
     * @throws IllegalArgumentException for anything else that is not a dump date
     */
    public static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant canonical = canonical(value);
        if (canonical != null) {
            return canonical;
        }
        String v = value.trim();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (v.endsWith("Z")) {
                return Instant.parse(v);
            }
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date: " + value, e);
        }
    }

    /**
     * The date of {@code v} when it is in the form the dumps write nearly all dates in ({@code
     * 2010-08-25T19:50:51.187}), read digit by digit; null for any other form or an impossible date, which {@link
     * #parse} then reads (or refuses) with java.time's parser, 10 times slower: every row of every file has a date.
     */
    private static Instant canonical(String v) {
        if (v.length() != 23
                || v.charAt(4) != '-'
                || v.charAt(7) != '-'
                || v.charAt(10) != 'T'
                || v.charAt(13) != ':'
                || v.charAt(16) != ':'
                || v.charAt(19) != '.') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 7);
        int day = digits(v, 8, 10);
        int hour = digits(v, 11, 13);
        int minute = digits(v, 14, 16);
        int second = digits(v, 17, 19);
        int millis = digits(v, 20, 23);
        if ((year | month | day | hour | minute | second | millis) < 0
                || month < 1
                || month > 12
                || day < 1
                || day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour > 23
                || minute > 59
                || second > 59) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second, millis * 1_000_000L);
    }

    /** The number the ASCII digits {@code from..to} of {@code v} write, or -1 when one of them is not a digit. */
    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The dump form, milliseconds always written; null stays null. */
    public static String format(Instant instant) {
        return instant == null ? null : OUT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
