package org.parley.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and counts as the pages show them: "3 hours ago", "1.2k". Available to templates as {@code fmt}. */
@Named("fmt")
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern(
                    "MMM d, yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** "just now", "5 mins ago", "3 hours ago", "yesterday", "12 days ago", then the date. */
    public String ago(Instant when) {
        return ago(when, Instant.now());
    }

    static String ago(Instant when, Instant now) {
        if (when == null) {
            return "";
        }
        long seconds = Math.max(0, Duration.between(when, now).getSeconds());
        if (seconds < 60) {
            return "just now";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes == 1 ? "1 min ago" : minutes + " mins ago";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours == 1 ? "1 hour ago" : hours + " hours ago";
        }
        long days = hours / 24;
        if (days == 1) {
            return "yesterday";
        }
        if (days < 30) {
            return days + " days ago";
        }
        return DAY.format(when);
    }

    /** Machine-readable, for {@code <time datetime>}. */
    public String iso(Instant when) {
        return when == null ? "" : DateTimeFormatter.ISO_INSTANT.format(when);
    }

    /** Full date and time, for tooltips. */
    public String full(Instant when) {
        return when == null ? "" : FULL.format(when);
    }

    /** 999, 1.2k, 12k, 1.3m. */
    public String count(long n) {
        if (n < 1000) {
            return Long.toString(n);
        }
        if (n < 10_000) {
            return String.format(Locale.ROOT, "%.1fk", n / 1000.0).replace(".0k", "k");
        }
        if (n < 1_000_000) {
            return n / 1000 + "k";
        }
        return String.format(Locale.ROOT, "%.1fm", n / 1_000_000.0).replace(".0m", "m");
    }

    /** 30,000: a whole number with thousands separators, as limits and character counts are shown. */
    public String number(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    /** "1 answer", "3 answers". */
    public String plural(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
