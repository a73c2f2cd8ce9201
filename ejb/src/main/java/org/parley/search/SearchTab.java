package org.parley.search;

import java.util.Locale;

/** The orders of a results page, as Stack Overflow's search tabs. */
public enum SearchTab {
    /** Best match first (title matches weigh more than body matches), newest first among equals. */
    RELEVANCE("Relevance"),
    /** Newest post first. */
    NEWEST("Newest"),
    /** Highest score first. */
    VOTES("Votes"),
    /** Most recent activity first. */
    ACTIVE("Active");

    private final String label;

    SearchTab(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The tab's URL value ({@code relevance}, {@code newest}, …). */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The tab a URL value names; null, blank or unknown give {@link #RELEVANCE}, as a link typed by hand expects. */
    public static SearchTab of(String param) {
        if (param != null) {
            for (SearchTab tab : values()) {
                if (tab.param().equalsIgnoreCase(param.strip())) {
                    return tab;
                }
            }
        }
        return RELEVANCE;
    }
}
