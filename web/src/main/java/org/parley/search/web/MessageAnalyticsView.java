package org.parley.search.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.parley.search.AnalyticsFigures.MessageMonth;
import org.parley.search.AnalyticsFigures.WeekdayCount;
import org.parley.search.AnalyticsService;
import org.parley.search.AnalyticsService.MessageReport;
import org.parley.search.AnalyticsService.NamedCount;
import org.parley.search.web.AnalyticsCharts.Series;
import org.parley.user.security.Viewer;
import org.parley.web.Links;

/**
 * A user's own message analytics ({@code /messages/analytics?p=2026}): log-in required (web.xml, and {@link
 * AnalyticsService} refuses an anonymous caller); only the viewer's own messages are ever counted.
 */
@Named
@ViewScoped
public class MessageAnalyticsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AnalyticsService analytics;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    private String p;
    private AnalyticsPeriodNav nav;
    private MessageReport report;

    public void load() {
        nav = AnalyticsPeriodNav.of(links.messageAnalytics(), p, AnalyticsPeriodNav.today());
        report = analytics.messageReport(viewer.actor(), nav.getPeriod());
    }

    public String getMonthsChart() {
        return AnalyticsCharts.bars(
                report.months().stream()
                        .map(m -> AnalyticsCharts.month(m.month()))
                        .toList(),
                List.of(
                        new Series(
                                "Sent",
                                report.months().stream().map(MessageMonth::sent).toList()),
                        new Series(
                                "Received",
                                report.months().stream()
                                        .map(MessageMonth::received)
                                        .toList())),
                "Messages");
    }

    public String getCorrespondentsChart() {
        return AnalyticsCharts.horizontalBars(
                report.correspondents().stream()
                        .map(c -> c.user().displayName())
                        .toList(),
                List.of(new Series(
                        "Messages",
                        report.correspondents().stream().map(NamedCount::count).toList())),
                "Messages");
    }

    public String getWeekdaysChart() {
        return AnalyticsCharts.bars(
                report.weekdays().stream()
                        .map(d -> AnalyticsCharts.weekday(d.weekday()))
                        .toList(),
                List.of(new Series(
                        "Messages",
                        report.weekdays().stream().map(WeekdayCount::count).toList())),
                "Messages");
    }

    public long getSentTotal() {
        return report.months().stream().mapToLong(MessageMonth::sent).sum();
    }

    public long getReceivedTotal() {
        return report.months().stream().mapToLong(MessageMonth::received).sum();
    }

    public String getMedianReply() {
        return AnalyticsCharts.duration(report.replies().medianSeconds());
    }

    public AnalyticsPeriodNav getNav() {
        return nav;
    }

    public MessageReport getReport() {
        return report;
    }

    public String getP() {
        return p;
    }

    public void setP(String p) {
        this.p = p;
    }
}
