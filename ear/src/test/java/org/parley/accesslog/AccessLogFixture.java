package org.parley.accesslog;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Test-only: reads shipped rows, and ships them again as a node whose local delete was lost would. In the EJB module. */
@Stateless
public class AccessLogFixture {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @EJB
    private AccessLogShipper shipper;

    /** The shipped rows of {@code route} since {@code since}, oldest first. */
    public List<AccessLogEntry> rows(String route, Instant since) {
        return em.createQuery(
                        "select e from AccessLogEntry e where e.route = :route and e.time >= :since"
                                + " order by e.time, e.seq",
                        AccessLogEntry.class)
                .setParameter("route", route)
                .setParameter("since", since)
                .getResultList();
    }

    /** Ships the rows of {@code route} since {@code since} again, store by store; returns how many were added. */
    public int shipAgain(String route, Instant since) {
        Map<String, List<AccessLogEntry>> byStore =
                rows(route, since).stream().collect(Collectors.groupingBy(AccessLogEntry::getStore));
        int added = 0;
        for (var entry : byStore.entrySet()) {
            List<LocalAccessStore.Row> again = entry.getValue().stream()
                    .map(e -> new LocalAccessStore.Row(
                            e.getSeq(),
                            new AccessRecord(
                                    e.getTime().toEpochMilli(),
                                    e.getSite(),
                                    e.getRoute(),
                                    e.getMethod(),
                                    e.getStatus(),
                                    e.getBytes(),
                                    e.getTotalMicros(),
                                    e.getSqlMicros(),
                                    e.getCacheMicros(),
                                    e.getTagsMicros(),
                                    e.getSearchMicros(),
                                    e.isLoggedIn(),
                                    e.isPage())))
                    .sorted(java.util.Comparator.comparingLong(LocalAccessStore.Row::seq))
                    .toList();
            added += shipper.ship(entry.getKey(), entry.getValue().get(0).getNode(), again);
        }
        return added;
    }
}
