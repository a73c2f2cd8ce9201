package org.parley.search;

import java.util.List;
import org.parley.search.AnalyticsFigures.Median;
import org.parley.search.AnalyticsFigures.MessageMonth;
import org.parley.search.AnalyticsFigures.UserCount;
import org.parley.search.AnalyticsFigures.WeekdayCount;

/**
 * One user's message figures, over the messages they can see (delivered, not deleted for themselves), like their
 * folders and message search: {@link MessageAnalytics} with aggregations over the message index, {@link
 * MessageAnalyticsSql} with SQL; both give the same numbers. No checks here: {@link AnalyticsService} passes only the
 * caller's own id.
 */
public interface MessageAnalyticsQueries {

    /** Messages sent and received per month of the series. */
    List<MessageMonth> perMonth(long userId, AnalyticsPeriod period);

    /** The {@code limit} users they exchanged most messages with in the period (both ways; ties: by user id). */
    List<UserCount> topCorrespondents(long userId, AnalyticsPeriod period, int limit);

    /** The median time they took to reply, over their replies sent in the period. */
    Median medianReplySeconds(long userId, AnalyticsPeriod period);

    /** Their messages (sent and received) in the period by day of the week, all seven present, Monday first. */
    List<WeekdayCount> weekdays(long userId, AnalyticsPeriod period);
}
