package org.parley.accesslog;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.parley.common.Actor;
import org.parley.common.ClusterNode;
import org.parley.site.AdminScope;

/**
 * What {@code /admin/traffic} shows and does: the statistics of a day and of its hours, this node's local log, and
 * "Roll up now". The server's admins only (anyone else gets NotAllowedException).
 */
@Stateless
public class TrafficService {

    /** The most statistics rows a list returns. */
    public static final int LIST_MAX = 500;

    /** This node's access log as the page shows it. */
    public record NodeState(String node, long backlog, int queued, long dropped, Instant lastShipped, String failure) {}

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private AdminScope admins;

    @EJB
    private AccessLog accessLog;

    @EJB
    private AccessRollup rollup;

    /** The day's statistics (UTC) per site and route, most requests first. */
    public List<AccessStatistic> day(Actor actor, LocalDate day) {
        admins.requireServerAdmin(actor, "read the traffic statistics");
        return em.createQuery(
                        "select s from AccessStatistic s where s.span = :span and s.start = :start"
                                + " order by s.requests desc, s.site, s.route",
                        AccessStatistic.class)
                .setParameter("span", AccessStatistic.Span.DAY)
                .setParameter("start", day.atStartOfDay(ZoneOffset.UTC).toInstant())
                .setMaxResults(LIST_MAX)
                .getResultList();
    }

    /** The hourly statistics of the last {@code hours} hours, latest hour first, then most requests. */
    public List<AccessStatistic> lastHours(Actor actor, int hours) {
        admins.requireServerAdmin(actor, "read the traffic statistics");
        Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Math.max(0, hours - 1), ChronoUnit.HOURS);
        return em.createQuery(
                        "select s from AccessStatistic s where s.span = :span and s.start >= :from"
                                + " order by s.start desc, s.requests desc, s.site, s.route",
                        AccessStatistic.class)
                .setParameter("span", AccessStatistic.Span.HOUR)
                .setParameter("from", from)
                .setMaxResults(LIST_MAX)
                .getResultList();
    }

    /** One hour's requests, all sites and routes. */
    public record HourTotal(Instant start, long requests, long pageLoads) {}

    /** The requests of each rolled-up hour of {@code day} (UTC), in hour order. */
    public List<HourTotal> hoursOf(Actor actor, LocalDate day) {
        admins.requireServerAdmin(actor, "read the traffic statistics");
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return em
                .createQuery(
                        "select s.start, sum(s.requests), sum(s.pageLoads) from AccessStatistic s"
                                + " where s.span = :span and s.start >= :from and s.start < :to"
                                + " group by s.start order by s.start",
                        Object[].class)
                .setParameter("span", AccessStatistic.Span.HOUR)
                .setParameter("from", from)
                .setParameter("to", from.plus(1, ChronoUnit.DAYS))
                .getResultList()
                .stream()
                .map(r -> new HourTotal((Instant) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }

    /** This node's local log: backlog, queue, drops, last ship. */
    public NodeState node(Actor actor) {
        admins.requireServerAdmin(actor, "read the traffic statistics");
        return new NodeState(
                ClusterNode.name(),
                accessLog.backlog(),
                accessLog.queued(),
                accessLog.dropped(),
                accessLog.lastShipped(),
                accessLog.lastShipFailure());
    }

    /**
     * Ships this node's backlog now and rolls up today (UTC); returns the statistics rows written. Other nodes' rows
     * count as far as they have shipped.
     */
    public int rollUpNow(Actor actor) {
        admins.requireServerAdmin(actor, "roll up the traffic statistics");
        accessLog.shipNow();
        return rollup.rollUp(LocalDate.now(ZoneOffset.UTC));
    }
}
