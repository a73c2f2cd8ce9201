package org.parley.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the common parameters of the Stack Exchange API as its documentation gives them: {@code page} (1 or more),
 * {@code pagesize} (0 to 100, 30 by default), {@code sort} (one of the method's), {@code order} ({@code desc} by
 * default, or {@code asc}), {@code min}/{@code max} (the sort field's bounds), {@code fromdate}/{@code todate} (the
 * creation date's bounds, Unix seconds or {@code yyyy-MM-dd}), {@code tagged} (up to 5 tags, {@code ;}-separated), and
 * vectorised ids (up to 100 numbers, {@code ;}-separated). A malformed value is a {@link StackException} bad_parameter
 * whose message starts with the parameter's name.
 */
public final class StackParameters {

    public static final int DEFAULT_PAGE_SIZE = 30;
    public static final int MAX_PAGE_SIZE = 100;
    /** The most ids a vectorised method takes. */
    public static final int MAX_IDS = 100;
    /** The most tags {@code tagged} takes. */
    public static final int MAX_TAGGED = 5;

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}");

    private StackParameters() {}

    /**
     * The query of a list method.
     *
     * @param param the request's parameter of a name, null when absent
     * @param sorts the sorts the method takes
     * @param defaultSort the sort when none is given
     */
    public static StackQuery query(
            Function<String, String> param, Set<StackSort> sorts, StackSort defaultSort, boolean body, boolean total) {
        int page = (int) number(param, "page", 1, 1, Integer.MAX_VALUE);
        int pageSize = (int) number(param, "pagesize", DEFAULT_PAGE_SIZE, 0, MAX_PAGE_SIZE);
        StackSort sort = sort(param.apply("sort"), sorts, defaultSort);
        boolean ascending = order(param.apply("order"));
        Long min = bound(param, "min", sort);
        Long max = bound(param, "max", sort);
        Instant from = date(param.apply("fromdate"), "fromdate");
        Instant to = date(param.apply("todate"), "todate");
        List<String> tagged = tagged(param.apply("tagged"));
        String minText = textBound(param, "min", sort);
        String maxText = textBound(param, "max", sort);
        return new StackQuery(
                page, pageSize, sort, ascending, min, max, from, to, tagged, body, total, minText, maxText);
    }

    /** A whole-number parameter within {@code least..most}, {@code fallback} when absent or blank. */
    static long number(Function<String, String> param, String name, long fallback, long least, long most) {
        String value = param.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.strip();
        if (!NUMBER.matcher(v).matches()) {
            throw StackException.badParameter(name, "must be a whole number, not \"" + shorten(v) + "\"");
        }
        long n = Long.parseLong(v);
        if (n < least || n > most) {
            throw StackException.badParameter(
                    name,
                    most == Integer.MAX_VALUE
                            ? "must be " + least + " or more, not " + n
                            : "must be from " + least + " to " + most + ", not " + n);
        }
        return n;
    }

    static StackSort sort(String value, Set<StackSort> sorts, StackSort fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (StackSort sort : sorts) {
            if (sort.value().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return sort;
            }
        }
        List<String> names = sorts.stream().sorted().map(StackSort::value).toList();
        throw StackException.badParameter(
                "sort", "\"" + shorten(value.strip()) + "\" is not one of " + String.join(", ", names));
    }

    /** {@code true} for {@code asc}, {@code false} for {@code desc} or nothing. */
    static boolean order(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default ->
                throw StackException.badParameter("order", "must be asc or desc, not \"" + shorten(value) + "\"");
        };
    }

    private static Long bound(Function<String, String> param, String name, StackSort sort) {
        String value = param.apply(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!sort.takesRange()) {
            throw StackException.badParameter(name, "sort " + sort.value() + " takes no " + name);
        }
        if (sort.textRange()) {
            return null; // textBound reads it
        }
        if (sort.datedRange()) {
            return date(value, name).getEpochSecond();
        }
        return number(param, name, 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * The string bound of a sort on a string: a name as given (compared case-insensitively), a rank ({@code gold},
     * {@code silver}, {@code bronze}) or a badge type ({@code named}, {@code tag_based}); null when absent or when the
     * sort is not on a string.
     */
    static String textBound(Function<String, String> param, String name, StackSort sort) {
        String value = param.apply(name);
        if (value == null || value.isBlank() || !sort.textRange()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        List<String> allowed = switch (sort) {
            case RANK -> List.of("gold", "silver", "bronze");
            case TYPE -> List.of("named", "tag_based");
            default -> null;
        };
        if (allowed != null && !allowed.contains(v)) {
            throw StackException.badParameter(
                    name,
                    "must be one of " + String.join(", ", allowed) + " for sort " + sort.value() + ", not \""
                            + shorten(v) + "\"");
        }
        return v.length() <= 100 ? v : v.substring(0, 100);
    }

    /**
     * A date parameter: Unix seconds, or a day {@code yyyy-MM-dd} (its midnight UTC); null when absent.
     *
     * @throws StackException bad_parameter naming {@code name} for anything else
     */
    public static Instant date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (NUMBER.matcher(v).matches()) {
            long seconds = Long.parseLong(v);
            if (seconds >= 0 && seconds <= 253_402_300_799L) { // to 9999-12-31
                return Instant.ofEpochSecond(seconds);
            }
        } else {
            try {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw StackException.badParameter(
                name, "must be a date in Unix seconds (e.g. 1700000000) or yyyy-MM-dd, not \"" + shorten(v) + "\"");
    }

    /** Up to {@value #MAX_TAGGED} tags, {@code ;}-separated, lower-cased; empty for none. */
    static List<String> tagged(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : value.split(";")) {
            if (!tag.isBlank()) {
                tags.add(tag.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (tags.size() > MAX_TAGGED) {
            throw StackException.badParameter("tagged", "at most " + MAX_TAGGED + " tags, not " + tags.size());
        }
        return List.copyOf(tags);
    }

    /**
     * A vectorised path parameter: 1 to {@value #MAX_IDS} positive numbers separated by {@code ;}, in the order given,
     * without repeats.
     *
     * @throws StackException bad_parameter {@code ids} otherwise
     */
    public static List<Long> ids(String value) {
        if (value == null || value.isBlank()) {
            throw StackException.badParameter("ids", "give 1 to " + MAX_IDS + " ids separated by ;");
        }
        Set<Long> ids = new LinkedHashSet<>();
        List<String> parts = new ArrayList<>(List.of(value.split(";", -1)));
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (!p.chars().allMatch(c -> c >= '0' && c <= '9') || p.length() > 18 || Long.parseLong(p) < 1) {
                throw StackException.badParameter("ids", "\"" + shorten(p) + "\" is not an id (a positive number)");
            }
            ids.add(Long.parseLong(p));
        }
        if (ids.isEmpty()) {
            throw StackException.badParameter("ids", "give 1 to " + MAX_IDS + " ids separated by ;");
        }
        if (ids.size() > MAX_IDS) {
            throw StackException.badParameter("ids", "at most " + MAX_IDS + " ids, not " + ids.size());
        }
        return List.copyOf(ids);
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
