package org.parley.search.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The analytics formats for templates, as {@code analyticsFormat}: durations, shares and growth. */
@Named
@ApplicationScoped
public class AnalyticsFormat {

    public String duration(Long seconds) {
        return AnalyticsCharts.duration(seconds);
    }

    public String percent(Double share) {
        return AnalyticsCharts.percent(share);
    }

    public String growth(Double growth) {
        return AnalyticsCharts.growth(growth);
    }

    public String month(java.time.YearMonth month) {
        return AnalyticsCharts.month(month);
    }

    public String weekday(int isoDay) {
        return AnalyticsCharts.weekday(isoDay);
    }
}
