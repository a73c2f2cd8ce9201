package org.parley.errorlog;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Writes coalesced errors to {@code error_log}, in a transaction of its own (never the failing one): an existing
 * fingerprint's row gets the count added and the latest context; a new one gets a row. The table keeps at most
 * {@value #MAX_ROWS} errors: past that, the ones seen longest ago go.
 */
@Stateless
public class ErrorLogStore {

    static final int MAX_ROWS = 2000;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(List<ErrorEvent> events) {
        for (ErrorEvent event : events) {
            List<ErrorLogEntry> found = em.createQuery(
                            "select e from ErrorLogEntry e where e.fingerprint = :f", ErrorLogEntry.class)
                    .setParameter("f", event.fingerprint())
                    .getResultList();
            if (found.isEmpty()) {
                em.persist(new ErrorLogEntry(event));
            } else {
                found.get(0).add(event);
            }
        }
        em.flush();
        long rows = em.createQuery("select count(e) from ErrorLogEntry e", Long.class)
                .getSingleResult();
        if (rows > MAX_ROWS) {
            List<Long> oldest = em.createQuery("select e.id from ErrorLogEntry e order by e.lastSeen", Long.class)
                    .setMaxResults((int) (rows - MAX_ROWS))
                    .getResultList();
            em.createQuery("delete from ErrorLogEntry e where e.id in :ids")
                    .setParameter("ids", oldest)
                    .executeUpdate();
        }
    }
}
