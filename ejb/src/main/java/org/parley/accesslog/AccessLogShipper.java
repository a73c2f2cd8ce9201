package org.parley.accesslog;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Copies a batch of a node's local rows into {@code access_log}, in a transaction of its own. Rows already there (same
 * store and sequence number: a batch shipped before whose local delete was lost) are skipped, so shipping twice adds
 * nothing.
 */
@Stateless
public class AccessLogShipper {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /**
     * Inserts the {@code rows} of local store {@code store} on {@code node} that are not in the table yet; returns how
     * many it inserted. The rows must be in sequence order.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int ship(String store, String node, List<LocalAccessStore.Row> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Set<Long> present = new HashSet<>(em.createQuery(
                        "select e.seq from AccessLogEntry e where e.store = :store and e.seq between :first and :last",
                        Long.class)
                .setParameter("store", store)
                .setParameter("first", rows.get(0).seq())
                .setParameter("last", rows.get(rows.size() - 1).seq())
                .getResultList());
        int inserted = 0;
        for (LocalAccessStore.Row row : rows) {
            if (!present.contains(row.seq())) {
                em.persist(new AccessLogEntry(store, node, row));
                inserted++;
                if (inserted % 500 == 0) {
                    em.flush();
                    em.clear();
                }
            }
        }
        em.flush();
        em.clear();
        return inserted;
    }
}
