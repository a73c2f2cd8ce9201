package org.parley.search;

import java.util.List;
import org.parley.search.AnalyticsFigures.DayCount;
import org.parley.search.AnalyticsFigures.HourCount;
import org.parley.search.AnalyticsFigures.MonthMedian;
import org.parley.search.AnalyticsFigures.MonthPosts;
import org.parley.search.AnalyticsFigures.MonthRate;
import org.parley.search.AnalyticsFigures.TagAnswerers;
import org.parley.search.AnalyticsFigures.TagGrowth;

/**
 * A site's figures, one method per figure: {@link SiteAnalytics} computes them with search aggregations,
 * {@link SiteAnalyticsSql} with SQL over the same rows; both give the same numbers (AnalyticsIT checks it), so a
 * benchmark can time one against the other. No role checks here: {@link AnalyticsService} checks the caller.
 * Every time is UTC; monthly series cover {@link AnalyticsPeriod#months()}, the rest the period itself.
 */
public interface SiteAnalyticsQueries {

    /** Questions and answers per month of the series. */
    List<MonthPosts> postsPerMonth(long siteId, AnalyticsPeriod period);

    /** Per month of the series: the questions asked, and how many of them have an answer. */
    List<MonthRate> answerRatePerMonth(long siteId, AnalyticsPeriod period);

    /** Per month of the series: the median time to first answer of that month's answered questions. */
    List<MonthMedian> medianFirstAnswerPerMonth(long siteId, AnalyticsPeriod period);

    /**
     * The {@code limit} tags with most questions asked in the period (ties: alphabetical), each with its count in the
     * period before.
     */
    List<TagGrowth> topTags(long siteId, AnalyticsPeriod period, int limit);

    /** Questions and answers written in each hour of the day (0–23, all 24 present) in the period. */
    List<HourCount> busiestHours(long siteId, AnalyticsPeriod period);

    /**
     * For each tag given, the {@code limit} users with most answers in the period to questions with that tag (ties: by
     * user number); answers of deleted users do not count.
     */
    List<TagAnswerers> topAnswerers(long siteId, AnalyticsPeriod period, List<String> tags, int limit);

    /** Private messages delivered on the site per day of the period (every day present), by the day they were sent. */
    List<DayCount> messagesPerDay(long siteId, AnalyticsPeriod period);
}
