package org.parley.search;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The figures analytics computes, the same records whether an aggregation or SQL computed them. */
public final class AnalyticsFigures {

    private AnalyticsFigures() {}

    /** Questions asked and answers posted in one month. */
    public record MonthPosts(YearMonth month, long questions, long answers) implements Serializable {}

    /**
     * Of the questions asked in one month, how many have at least one answer today.
     *
     * @param rate answered ÷ questions, null when no question was asked
     */
    public record MonthRate(YearMonth month, long questions, long answered) implements Serializable {
        public Double rate() {
            return questions == 0 ? null : (double) answered / questions;
        }
    }

    /**
     * The median time to the first answer of the questions asked in one month that have an answer.
     *
     * @param answered how many of them have one
     * @param medianSeconds the lower median in whole seconds, null when none has an answer
     */
    public record MonthMedian(YearMonth month, long answered, Long medianSeconds) implements Serializable {}

    /**
     * A tag's questions in a period and in the period before.
     *
     * @param growth (count − previous) ÷ previous, null when the tag had no question before
     */
    public record TagGrowth(String tag, long count, long previous) implements Serializable {
        public Double growth() {
            return previous == 0 ? null : (double) (count - previous) / previous;
        }
    }

    /** The users (by number on the site) who answered most questions with a tag in a period. */
    public record TagAnswerers(String tag, List<UserCount> answerers) implements Serializable {}

    /** A user and how many posts or messages count for them. */
    public record UserCount(long user, long count) implements Serializable {}

    /** Posts or messages written in one hour of the day (0–23, UTC). */
    public record HourCount(int hour, long count) implements Serializable {}

    /** Messages sent on one day. */
    public record DayCount(LocalDate day, long count) implements Serializable {}

    /** A user's messages sent and received in one month. */
    public record MessageMonth(YearMonth month, long sent, long received) implements Serializable {}

    /**
     * A median over a user's replies.
     *
     * @param count how many replies
     * @param medianSeconds the lower median, null without replies
     */
    public record Median(long count, Long medianSeconds) implements Serializable {}

    /** Messages on one day of the week, ISO (1 = Monday … 7 = Sunday). */
    public record WeekdayCount(int weekday, long count) implements Serializable {}
}
