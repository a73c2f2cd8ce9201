package org.parley.api.rest;

import org.parley.api.StackException;

/**
 * The built-in filters of the Stack Exchange API: {@code default} (the documented default fields, with the wrapper's
 * {@code page} and {@code page_size}), {@code withbody} (the same with each post's and comment's {@code body}),
 * {@code none} (an empty object) and {@code total} (only {@code total}). Custom filters made by {@code
 * /filters/create} are a later step of issue 21; an unknown filter name is a bad_parameter.
 */
public enum StackFilter {
    DEFAULT,
    WITHBODY,
    NONE,
    TOTAL;

    /**
     * The filter a {@code filter} parameter names; {@link #DEFAULT} when absent or blank.
     *
     * @throws StackException bad_parameter {@code filter} for any other name
     */
    public static StackFilter parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        return switch (value.strip()) {
            case "default" -> DEFAULT;
            case "withbody" -> WITHBODY;
            case "none" -> NONE;
            case "total" -> TOTAL;
            default ->
                throw StackException.badParameter(
                        "filter",
                        "\"" + (value.length() > 40 ? value.substring(0, 40) + "…" : value.strip())
                                + "\" is not a filter here: use default, withbody, none or total"
                                + " (custom filters are not built yet)");
        };
    }

    /** Whether items carry their {@code body}. */
    public boolean body() {
        return this == WITHBODY;
    }

    /** Whether the answer carries {@code total} (and so the reads count). */
    public boolean total() {
        return this == TOTAL;
    }
}
