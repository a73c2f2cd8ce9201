package org.parley.accesslog;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolls up one day's shipped requests (UTC) into {@code access_stat}: per site and route, one row per hour and one
 * for the day. The day's rows are read once, as a stream of a few columns, and the percentiles are computed in Java
 * ({@link Percentiles}); the day's earlier statistics are deleted first, in the same transaction, so a second rollup
 * of the same day (rows shipped late, or "Roll up now") replaces them.
 */
@Stateless
public class AccessRollup {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /**
     * Deletes the shipped requests before {@code day} (UTC), whose figures are rolled up; returns how many. The
     * statistics stay.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeBefore(LocalDate day) {
        return em.createQuery("delete from AccessLogEntry e where e.time < :before")
                .setParameter("before", day.atStartOfDay(ZoneOffset.UTC).toInstant())
                .executeUpdate();
    }

    /** Rolls up {@code day}; returns how many statistics rows it wrote. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int rollUp(LocalDate day) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = from.plus(1, ChronoUnit.DAYS);
        em.createQuery("delete from AccessStatistic s where s.start >= :from and s.start < :to")
                .setParameter("from", from)
                .setParameter("to", to)
                .executeUpdate();
        Map<List<Object>, AccessStatistic.Tally> tallies = new HashMap<>();
        try (var rows = em.createQuery(
                        "select e.time, e.site, e.route, e.status, e.bytes, e.totalMicros, e.page, e.loggedIn"
                                + " from AccessLogEntry e where e.time >= :from and e.time < :to",
                        Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultStream()) {
            rows.forEach(r -> {
                Instant hour = ((Instant) r[0]).truncatedTo(ChronoUnit.HOURS);
                int status = (Integer) r[3];
                long bytes = (Long) r[4];
                long micros = (Long) r[5];
                boolean page = (Boolean) r[6];
                boolean loggedIn = (Boolean) r[7];
                for (List<Object> key : List.of(
                        List.of(AccessStatistic.Span.HOUR, hour, r[1], r[2]),
                        List.<Object>of(AccessStatistic.Span.DAY, from, r[1], r[2]))) {
                    tallies.computeIfAbsent(key, k -> new AccessStatistic.Tally())
                            .add(status, bytes, micros, page, loggedIn);
                }
            });
        }
        tallies.forEach((key, tally) -> em.persist(new AccessStatistic(
                (AccessStatistic.Span) key.get(0),
                (Instant) key.get(1),
                (String) key.get(2),
                (String) key.get(3),
                tally)));
        return tallies.size();
    }
}
