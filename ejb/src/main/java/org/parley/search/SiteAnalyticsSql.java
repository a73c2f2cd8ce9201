package org.parley.search;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.search.AnalyticsFigures.DayCount;
import org.parley.search.AnalyticsFigures.HourCount;
import org.parley.search.AnalyticsFigures.MonthMedian;
import org.parley.search.AnalyticsFigures.MonthPosts;
import org.parley.search.AnalyticsFigures.MonthRate;
import org.parley.search.AnalyticsFigures.TagAnswerers;
import org.parley.search.AnalyticsFigures.TagGrowth;
import org.parley.search.AnalyticsFigures.UserCount;

/**
 * The SQL twin of {@link SiteAnalytics}: the same figures from the same rows with GROUP BY queries (JPQL, so the same
 * code runs on H2, PostgreSQL and SQL Server; the median in native SQL that H2 and PostgreSQL understand), for the benchmark to time against the aggregations and for the test
 * that both agree. Months, days and hours are taken from the stored UTC instants with {@code extract}; the servers
 * run in UTC.
 */
@Stateless
@LocalBean
public class SiteAnalyticsSql implements SiteAnalyticsQueries {

    private static final String MONTH = "extract(year from p.createdAt), extract(month from p.createdAt)";

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Override
    public List<MonthPosts> postsPerMonth(long siteId, AnalyticsPeriod period) {
        Map<YearMonth, Long> questions = monthly("select " + MONTH + ", count(p) from Question p", "", siteId, period);
        Map<YearMonth, Long> answers = monthly("select " + MONTH + ", count(p) from Answer p", "", siteId, period);
        return period.months().stream()
                .map(m -> new MonthPosts(m, questions.getOrDefault(m, 0L), answers.getOrDefault(m, 0L)))
                .toList();
    }

    @Override
    public List<MonthRate> answerRatePerMonth(long siteId, AnalyticsPeriod period) {
        List<Object[]> rows = em.createQuery(
                        "select " + MONTH + ", count(p), sum(case when p.answerCount > 0 then 1 else 0 end)"
                                + " from Question p where p.site.id = :site and p.createdAt >= :from"
                                + " and p.createdAt < :to group by " + MONTH,
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("from", period.seriesStart())
                .setParameter("to", period.endInstant())
                .getResultList();
        Map<YearMonth, long[]> byMonth = new HashMap<>();
        for (Object[] r : rows) {
            byMonth.put(month(r), new long[] {number(r[2]), number(r[3])});
        }
        return period.months().stream()
                .map(m -> {
                    long[] c = byMonth.getOrDefault(m, new long[2]);
                    return new MonthRate(m, c[0], c[1]);
                })
                .toList();
    }

    /**
     * Native SQL: JPQL has no ordered-set aggregates (and the server runs Hibernate in strict JPA mode). {@code
     * PERCENTILE_DISC(0.5)} is the lower median, as {@link AnalyticsMedian} finds it; H2 and PostgreSQL have it.
     */
    @Override
    public List<MonthMedian> medianFirstAnswerPerMonth(long siteId, AnalyticsPeriod period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select extract(year from created_at), extract(month from created_at),"
                                + " count(first_answer_seconds),"
                                + " percentile_disc(0.5) within group (order by first_answer_seconds)"
                                + " from post where site_id = ?1 and post_type = 'Q' and created_at >= ?2 and created_at < ?3"
                                + " and first_answer_seconds is not null"
                                + " group by extract(year from created_at), extract(month from created_at)")
                .setParameter(1, siteId)
                .setParameter(2, period.seriesStart())
                .setParameter(3, period.endInstant())
                .getResultList();
        Map<YearMonth, MonthMedian> byMonth = new HashMap<>();
        for (Object[] r : rows) {
            YearMonth m = month(r);
            byMonth.put(m, new MonthMedian(m, number(r[2]), number(r[3])));
        }
        return period.months().stream()
                .map(m -> byMonth.getOrDefault(m, new MonthMedian(m, 0, null)))
                .toList();
    }

    @Override
    public List<TagGrowth> topTags(long siteId, AnalyticsPeriod period, int limit) {
        Map<String, Long> now = tagCounts(siteId, period, null, limit);
        if (now.isEmpty()) {
            return List.of();
        }
        Map<String, Long> before = tagCounts(siteId, period.previous(), List.copyOf(now.keySet()), now.size());
        return now.entrySet().stream()
                .map(e -> new TagGrowth(e.getKey(), e.getValue(), before.getOrDefault(e.getKey(), 0L)))
                .toList();
    }

    private Map<String, Long> tagCounts(long siteId, AnalyticsPeriod period, List<String> only, int limit) {
        TypedQuery<Object[]> q = em.createQuery(
                        "select t.name, count(p) from Question p join p.tags t where p.site.id = :site"
                                + " and p.createdAt >= :from and p.createdAt < :to"
                                + (only == null ? "" : " and t.name in :only")
                                + " group by t.name order by count(p) desc, t.name",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("from", period.startInstant())
                .setParameter("to", period.endInstant())
                .setMaxResults(limit);
        if (only != null) {
            q.setParameter("only", only);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] r : q.getResultList()) {
            counts.put((String) r[0], number(r[1]));
        }
        return counts;
    }

    @Override
    public List<HourCount> busiestHours(long siteId, AnalyticsPeriod period) {
        List<Object[]> rows = em.createQuery(
                        "select extract(hour from p.createdAt), count(p) from Post p where p.site.id = :site"
                                + " and p.createdAt >= :from and p.createdAt < :to group by extract(hour from p.createdAt)",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("from", period.startInstant())
                .setParameter("to", period.endInstant())
                .getResultList();
        long[] hours = new long[24];
        for (Object[] r : rows) {
            hours[(int) number(r[0])] = number(r[1]);
        }
        List<HourCount> out = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            out.add(new HourCount(h, hours[h]));
        }
        return out;
    }

    @Override
    public List<TagAnswerers> topAnswerers(long siteId, AnalyticsPeriod period, List<String> tags, int limit) {
        if (tags.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createQuery(
                        "select t.name, o.number, count(p) from Answer p join p.owner o join p.question q join q.tags t"
                                + " where p.site.id = :site and p.createdAt >= :from and p.createdAt < :to"
                                + " and t.name in :tags group by t.name, o.number",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("from", period.startInstant())
                .setParameter("to", period.endInstant())
                .setParameter("tags", tags)
                .getResultList();
        Map<String, List<UserCount>> byTag = new HashMap<>();
        for (Object[] r : rows) {
            byTag.computeIfAbsent((String) r[0], t -> new ArrayList<>()).add(new UserCount(number(r[1]), number(r[2])));
        }
        return tags.stream()
                .map(t -> new TagAnswerers(
                        t,
                        byTag.getOrDefault(t, List.of()).stream()
                                .sorted(Comparator.comparingLong(UserCount::count)
                                        .reversed()
                                        .thenComparingLong(UserCount::user))
                                .limit(limit)
                                .toList()))
                .toList();
    }

    @Override
    public List<DayCount> messagesPerDay(long siteId, AnalyticsPeriod period) {
        List<Object[]> rows = em.createQuery(
                        "select extract(year from m.createdAt), extract(month from m.createdAt),"
                                + " extract(day from m.createdAt), count(m) from PrivateMessage m"
                                + " where m.site.id = :site and m.state = org.parley.message.MessageState.DELIVERED"
                                + " and m.createdAt >= :from and m.createdAt < :to group by extract(year from"
                                + " m.createdAt), extract(month from m.createdAt), extract(day from m.createdAt)",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("from", period.startInstant())
                .setParameter("to", period.endInstant())
                .getResultList();
        Map<LocalDate, Long> byDay = new HashMap<>();
        for (Object[] r : rows) {
            byDay.put(LocalDate.of((int) number(r[0]), (int) number(r[1]), (int) number(r[2])), number(r[3]));
        }
        return period.days().stream()
                .map(d -> new DayCount(d, byDay.getOrDefault(d, 0L)))
                .toList();
    }

    private Map<YearMonth, Long> monthly(String select, String where, long siteId, AnalyticsPeriod period) {
        List<Object[]> rows = em.createQuery(
                        select + " where p.site.id = :site and p.createdAt >= :from and p.createdAt < :to" + where
                                + " group by " + MONTH,
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("from", period.seriesStart())
                .setParameter("to", period.endInstant())
                .getResultList();
        Map<YearMonth, Long> counts = new HashMap<>();
        for (Object[] r : rows) {
            counts.put(month(r), number(r[2]));
        }
        return counts;
    }

    static YearMonth month(Object[] row) {
        return YearMonth.of((int) number(row[0]), (int) number(row[1]));
    }

    /** A count, sum or extracted field as a long, whatever numeric type the database returned. */
    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
