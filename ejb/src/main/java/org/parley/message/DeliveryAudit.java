package org.parley.message;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Counts, from the database, how a range of messages was delivered: for {@code scripts/bench.sh messages}, which
 * checks after its run that every message it sent was delivered exactly once and notified exactly once. Two queries,
 * read-only.
 */
@Stateless
public class DeliveryAudit {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /**
     * What the database holds for the messages of site {@code siteId} with ids {@code fromId} to {@code toId}
     * (inclusive).
     *
     * @param messages how many rows there are
     * @param delivered how many are delivered
     * @param doubled how many were delivered by more than one committed delivery ({@code deliveries > 1})
     * @param notified how many delivered ones have exactly one message notification
     * @param notifiedTwice how many have more than one
     * @param notifications the message notifications naming these messages, in all
     */
    public record Count(
            long messages,
            long delivered,
            long doubled,
            long notified,
            long notifiedTwice,
            long notifications,
            long minDeliveries,
            long maxDeliveries) {}

    /** Counts the range; an empty range gives zeros. */
    public Count count(long siteId, long fromId, long toId) {
        Object[] m = (Object[]) em.createNativeQuery(
                        "select count(*), coalesce(sum(case when state = 'DELIVERED' then 1 else 0 end), 0),"
                                + " coalesce(sum(case when deliveries > 1 then 1 else 0 end), 0),"
                                + " coalesce(min(deliveries), 0), coalesce(max(deliveries), 0)"
                                + " from private_message where site_id = ?1 and id between ?2 and ?3")
                .setParameter(1, siteId)
                .setParameter(2, fromId)
                .setParameter(3, toId)
                .getSingleResult();
        // The notification names its message in its subject, "message:ID" (NotificationWriter).
        Object[] n = (Object[]) em.createNativeQuery("select coalesce(sum(case when c = 1 then 1 else 0 end), 0),"
                        + " coalesce(sum(case when c > 1 then 1 else 0 end), 0), coalesce(sum(c), 0)"
                        + " from (select count(*) as c from notification n join private_message m"
                        + " on n.subject = concat('message:', cast(m.id as varchar(20)))"
                        + " where m.site_id = ?1 and m.id between ?2 and ?3 and n.user_id = m.recipient_id"
                        + " group by m.id) x")
                .setParameter(1, siteId)
                .setParameter(2, fromId)
                .setParameter(3, toId)
                .getSingleResult();
        return new Count(num(m[0]), num(m[1]), num(m[2]), num(n[0]), num(n[1]), num(n[2]), num(m[3]), num(m[4]));
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
