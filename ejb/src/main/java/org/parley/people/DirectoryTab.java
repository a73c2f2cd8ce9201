package org.parley.people;

import java.util.Arrays;
import java.util.Locale;

/** The users directory's tabs: what ranks the cards. */
public enum DirectoryTab {
    /** Reputation held (period "all") or gained from votes on one's posts in the period. */
    REPUTATION("reputation", "Reputation"),
    /** Users who joined in the period, by reputation. */
    NEW_USERS("new-users", "New users"),
    /** Votes cast in the period. */
    VOTERS("voters", "Voters"),
    /** Edits of posts (revisions after the first) made in the period. */
    EDITORS("editors", "Editors");

    private final String param;
    private final String label;

    DirectoryTab(String param, String label) {
        this.param = param;
        this.label = label;
    }

    /** The tab named by a URL parameter; anything unknown (or null) is {@link #REPUTATION}. */
    public static DirectoryTab of(String param) {
        String p = param == null ? "" : param.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.param.equals(p))
                .findFirst()
                .orElse(REPUTATION);
    }

    /** The period a tab shows when the URL names none: everything for reputation, a month for the others. */
    public Period defaultPeriod() {
        return this == REPUTATION ? Period.ALL : Period.MONTH;
    }

    public String param() {
        return param;
    }

    public String label() {
        return label;
    }
}
