package org.parley.search.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.parley.rules.NotAllowedException;
import org.parley.search.AnalyticsFigures.HourCount;
import org.parley.search.AnalyticsFigures.MonthMedian;
import org.parley.search.AnalyticsFigures.MonthPosts;
import org.parley.search.AnalyticsFigures.MonthRate;
import org.parley.search.AnalyticsFigures.TagGrowth;
import org.parley.search.AnalyticsService;
import org.parley.search.AnalyticsService.SiteReport;
import org.parley.search.web.AnalyticsCharts.Series;
import org.parley.user.security.Viewer;
import org.parley.web.Links;

/**
 * The site's analytics for its admins ({@code /admin/analytics?p=2026-Q4}): web.xml lets only admins in, this bean
 * refuses anyone else (403) and {@link AnalyticsService} checks once more. Every chart has its table on the page.
 */
@Named
@ViewScoped
public class SiteAnalyticsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AnalyticsService analytics;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    private String p;
    private AnalyticsPeriodNav nav;
    private SiteReport report;

    public void load() {
        if (!viewer.isAdmin()) {
            throw new NotAllowedException("Only the site's admins can see its analytics.");
        }
        nav = AnalyticsPeriodNav.of(links.adminAnalytics(), p, AnalyticsPeriodNav.today());
        report = analytics.siteReport(viewer.actor(), nav.getPeriod());
    }

    private List<String> monthLabels() {
        return report.posts().stream()
                .map(m -> AnalyticsCharts.month(m.month()))
                .toList();
    }

    public String getPostsChart() {
        return AnalyticsCharts.bars(
                monthLabels(),
                List.of(
                        new Series(
                                "Questions",
                                report.posts().stream()
                                        .map(MonthPosts::questions)
                                        .toList()),
                        new Series(
                                "Answers",
                                report.posts().stream().map(MonthPosts::answers).toList())),
                "Posts");
    }

    public String getAnswerRateChart() {
        return AnalyticsCharts.lines(
                monthLabels(),
                List.of(new Series(
                        "Questions answered (%)",
                        report.answerRates().stream()
                                .map(r -> r.rate() == null ? null : r.rate() * 100)
                                .toList())),
                "% of the month's questions");
    }

    public String getFirstAnswerChart() {
        return AnalyticsCharts.bars(
                monthLabels(),
                List.of(new Series(
                        "Median hours to first answer",
                        report.firstAnswers().stream()
                                .map(m -> m.medianSeconds() == null ? null : m.medianSeconds() / 3600.0)
                                .toList())),
                "Hours");
    }

    public String getTagsChart() {
        return AnalyticsCharts.horizontalBars(
                report.tags().stream().map(TagGrowth::tag).toList(),
                List.of(
                        new Series(
                                nav.getPeriod().label(),
                                report.tags().stream().map(TagGrowth::count).toList()),
                        new Series(
                                nav.getPeriod().previous().label(),
                                report.tags().stream().map(TagGrowth::previous).toList())),
                "Questions");
    }

    public String getHoursChart() {
        return AnalyticsCharts.bars(
                report.hours().stream()
                        .map(h -> String.format("%02d", h.hour()))
                        .toList(),
                List.of(new Series(
                        "Questions and answers",
                        report.hours().stream().map(HourCount::count).toList())),
                "Posts");
    }

    public String getMessagesChart() {
        return AnalyticsCharts.lines(
                report.messagesPerDay().stream().map(d -> d.day().toString()).toList(),
                List.of(new Series(
                        "Messages sent",
                        report.messagesPerDay().stream().map(d -> d.count()).toList())),
                "Messages");
    }

    /** The busiest hours first, only hours with posts: the table beside the hours chart. */
    public List<HourCount> getBusiestHours() {
        return report.hours().stream()
                .filter(h -> h.count() > 0)
                .sorted((a, b) -> Long.compare(b.count(), a.count()))
                .limit(6)
                .toList();
    }

    /** Days with messages, for the table beside the chart (a year has 365 rows otherwise). */
    public long getMessagesTotal() {
        return report.messagesPerDay().stream().mapToLong(d -> d.count()).sum();
    }

    public List<org.parley.search.AnalyticsFigures.DayCount> getBusiestDays() {
        return report.messagesPerDay().stream()
                .filter(d -> d.count() > 0)
                .sorted((a, b) -> Long.compare(b.count(), a.count()))
                .limit(7)
                .toList();
    }

    /** A month's row: the posts, rate and median figures side by side. */
    public record MonthRow(String month, long questions, long answers, String rate, String median) {}

    public List<MonthRow> getMonths() {
        List<MonthRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < report.posts().size(); i++) {
            MonthPosts posts = report.posts().get(i);
            MonthRate rate = report.answerRates().get(i);
            MonthMedian median = report.firstAnswers().get(i);
            rows.add(new MonthRow(
                    AnalyticsCharts.month(posts.month()),
                    posts.questions(),
                    posts.answers(),
                    AnalyticsCharts.percent(rate.rate()),
                    AnalyticsCharts.duration(median.medianSeconds())));
        }
        return rows;
    }

    public AnalyticsPeriodNav getNav() {
        return nav;
    }

    public SiteReport getReport() {
        return report;
    }

    public String getP() {
        return p;
    }

    public void setP(String p) {
        this.p = p;
    }
}
