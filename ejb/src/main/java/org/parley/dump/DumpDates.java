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

    /** The dump form, milliseconds always written; null stays null. */
    public static String format(Instant instant) {
        return instant == null ? null : OUT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
