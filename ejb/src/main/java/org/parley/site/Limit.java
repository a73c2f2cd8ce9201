package org.parley.site;

/**
 * The anti-abuse limits a site sets next to its privilege thresholds, Stack Overflow's by default ({@link
 * SiteLimits}), and how long close and reopen votes last. Moderators and admins are held by none of them (their close
 * and reopen votes act at once). Each limit is a whole number from 0 (the limit is off)
 * to its {@link #max()}.
 */
public enum Limit {
    NEW_USER_REPUTATION(
            10,
            1_000_000,
            "New users: below this reputation",
            "reputation",
            "Users below it ask at most one question per interval and may not put links in their posts; 0: nobody"
                    + " is new."),
    QUESTION_INTERVAL_MINUTES(
            40,
            10_080,
            "New users: time between questions",
            "minutes",
            "How long a new user waits after asking before asking again; 0: no wait."),
    VOTES_PER_DAY(
            40, 10_000, "Votes a day", "votes", "Up and down votes each user may cast per day (UTC); 0: no limit."),
    SERIAL_VOTES_PER_DAY(
            10,
            10_000,
            "Serial voting: reversed above",
            "votes",
            "When one user casts more up (or down) votes than this on another user's posts in one day (UTC), those"
                    + " votes are reversed at night; 0: never."),
    CLOSE_VOTE_DAYS(
            14,
            365,
            "Close votes age away after",
            "days",
            "A close or reopen vote that has not closed or reopened the question by then expires; 0: never, on any"
                    + " question."),
    CLOSE_VOTE_DAYS_FEW_VIEWS(
            4,
            365,
            "… on questions with few views, after",
            "days",
            "The same for questions seen fewer times than the next setting; 0: as other questions."),
    CLOSE_VOTE_FEW_VIEWS(
            100,
            1_000_000,
            "Few views: fewer than",
            "views",
            "Questions seen fewer times than this lose their close and reopen votes sooner; 0: none.");

    private final int defaultValue;
    private final int max;
    private final String label;
    private final String unit;
    private final String description;

    Limit(int defaultValue, int max, String label, String unit, String description) {
        this.defaultValue = defaultValue;
        this.max = max;
        this.label = label;
        this.unit = unit;
        this.description = description;
    }

    /** The value a site has unless it sets its own. */
    public int defaultValue() {
        return defaultValue;
    }

    /** The highest value a site may set. */
    public int max() {
        return max;
    }

    /** The limit's name as pages show it. */
    public String label() {
        return label;
    }

    /** What the number counts: "minutes", "votes", "reputation". */
    public String unit() {
        return unit;
    }

    /** What the limit does, in a sentence. */
    public String description() {
        return description;
    }
}
