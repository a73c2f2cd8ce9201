package org.parley.search;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.search.AnalyticsFigures.Median;
import org.parley.search.AnalyticsFigures.MessageMonth;
import org.parley.search.AnalyticsFigures.UserCount;
import org.parley.search.AnalyticsFigures.WeekdayCount;

/** The SQL twin of {@link MessageAnalytics}: the same figures from the {@code private_message} rows. */
@Stateless
@LocalBean
public class MessageAnalyticsSql implements MessageAnalyticsQueries {

    /** Delivered messages the user sent and kept. */
    private static final String SENT = "m.sender.id = :user and m.state = org.parley.message.MessageState.DELIVERED"
            + " and m.deletedBySender = false";

    /** Delivered messages the user received and kept. */
    private static final String RECEIVED = "m.recipient.id = :user"
            + " and m.state = org.parley.message.MessageState.DELIVERED and m.deletedByRecipient = false";

    private static final String MONTH = "extract(year from m.createdAt), extract(month from m.createdAt)";

    private static final String DAY = MONTH + ", extract(day from m.createdAt)";

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Override
    public List<MessageMonth> perMonth(long userId, AnalyticsPeriod period) {
        Map<YearMonth, Long> sent = monthly(SENT, userId, period);
        Map<YearMonth, Long> received = monthly(RECEIVED, userId, period);
        return period.months().stream()
                .map(m -> new MessageMonth(m, sent.getOrDefault(m, 0L), received.getOrDefault(m, 0L)))
                .toList();
    }

    private Map<YearMonth, Long> monthly(String which, long userId, AnalyticsPeriod period) {
        Map<YearMonth, Long> counts = new HashMap<>();
        for (Object[] r : rows(
                "select " + MONTH + ", count(m) from PrivateMessage m where " + which
                        + " and m.createdAt >= :from and m.createdAt < :to group by " + MONTH,
                userId,
                period.seriesStart(),
                period)) {
            counts.put(SiteAnalyticsSql.month(r), SiteAnalyticsSql.number(r[2]));
        }
        return counts;
    }

    @Override
    public List<UserCount> topCorrespondents(long userId, AnalyticsPeriod period, int limit) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] r : rows(
                "select m.recipient.id, count(m) from PrivateMessage m where " + SENT
                        + " and m.createdAt >= :from and m.createdAt < :to group by m.recipient.id",
                userId,
                period.startInstant(),
                period)) {
            counts.merge(SiteAnalyticsSql.number(r[0]), SiteAnalyticsSql.number(r[1]), Long::sum);
        }
        for (Object[] r : rows(
                "select m.sender.id, count(m) from PrivateMessage m where " + RECEIVED
                        + " and m.createdAt >= :from and m.createdAt < :to group by m.sender.id",
                userId,
                period.startInstant(),
                period)) {
            counts.merge(SiteAnalyticsSql.number(r[0]), SiteAnalyticsSql.number(r[1]), Long::sum);
        }
        return counts.entrySet().stream()
                .map(e -> new UserCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(UserCount::count).reversed().thenComparingLong(UserCount::user))
                .limit(limit)
                .toList();
    }

    /** Native SQL for the median, as in {@link SiteAnalyticsSql#medianFirstAnswerPerMonth}. */
    @Override
    public Median medianReplySeconds(long userId, AnalyticsPeriod period) {
        Object[] r = (Object[]) em.createNativeQuery(
                        "select count(reply_seconds), percentile_disc(0.5) within group (order by reply_seconds)"
                                + " from private_message where sender_id = ?1 and state = 'DELIVERED'"
                                + " and deleted_by_sender = false and reply_seconds is not null"
                                + " and created_at >= ?2 and created_at < ?3")
                .setParameter(1, userId)
                .setParameter(2, period.startInstant())
                .setParameter(3, period.endInstant())
                .getSingleResult();
        long count = SiteAnalyticsSql.number(r[0]);
        return new Median(count, count == 0 ? null : SiteAnalyticsSql.number(r[1]));
    }

    @Override
    public List<WeekdayCount> weekdays(long userId, AnalyticsPeriod period) {
        long[] counts = new long[8];
        for (String which : List.of(SENT, RECEIVED)) {
            // Grouped by day, folded into weekdays here: databases number the days of the week differently.
            for (Object[] r : rows(
                    "select " + DAY + ", count(m) from PrivateMessage m where " + which
                            + " and m.createdAt >= :from and m.createdAt < :to group by " + DAY,
                    userId,
                    period.startInstant(),
                    period)) {
                LocalDate day =
                        LocalDate.of((int) SiteAnalyticsSql.number(r[0]), (int) SiteAnalyticsSql.number(r[1]), (int)
                                SiteAnalyticsSql.number(r[2]));
                counts[day.getDayOfWeek().getValue()] += SiteAnalyticsSql.number(r[3]);
            }
        }
        List<WeekdayCount> out = new ArrayList<>(7);
        for (int d = 1; d <= 7; d++) {
            out.add(new WeekdayCount(d, counts[d]));
        }
        return out;
    }

    private List<Object[]> rows(String hql, long userId, java.time.Instant from, AnalyticsPeriod period) {
        return em.createQuery(hql, Object[].class)
                .setParameter("user", userId)
                .setParameter("from", from)
                .setParameter("to", period.endInstant())
                .getResultList();
    }
}
