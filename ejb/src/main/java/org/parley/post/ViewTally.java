package org.parley.post;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts question views in memory, from both the output cache's hits and logged-in page views, and adds them to the
 * rows every {@value #FLUSH_SECONDS} seconds, one update per question: a page view costs no message and no write.
 * Bounded: beyond {@link #MAX_QUESTIONS} distinct questions between two flushes, views go through {@link ViewCounter}
 * (one JMS message each) instead.
 *
 * <p>A normal shutdown (undeploy, server stop) flushes what is pending before the persistence unit goes. A crash
 * ({@code kill -9}, power loss) loses the views this server counted since its last flush: at most
 * {@value #FLUSH_SECONDS} seconds of them. A flush that fails puts its counts back for the next one.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ViewTally {

    static final int MAX_QUESTIONS = 10_000;
    static final int FLUSH_SECONDS = 5;
    private static final Logger log = Logger.getLogger(ViewTally.class.getName());

    private record Question(long siteId, long number) {}

    private final Map<Question, Long> pending = new ConcurrentHashMap<>();

    @Inject
    private ViewCounter fallback;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /** Counts one view of a question; cheap, no I/O. */
    public void count(long siteId, long number) {
        Question q = new Question(siteId, number);
        if (pending.size() >= MAX_QUESTIONS && !pending.containsKey(q)) {
            fallback.countView(siteId, number);
            return;
        }
        // merge is atomic per key, and flush takes a key's count with an atomic remove: no view is counted twice or
        // lost.
        pending.merge(q, 1L, Long::sum);
    }

    /**
     * A question's views as of now: those written to its row plus those this server counted and has not written yet.
     * The question page shows this rather than the count in its cached read model, which no view invalidates (so it
     * said "Viewed 0 times" while the lists, read from the rows, said 1). An unknown question has 0.
     */
    public long current(long siteId, long number) {
        List<Long> stored = em.createQuery(
                        "select q.viewCount from Question q where q.site.id = :site and q.number = :number", Long.class)
                .setParameter("site", siteId)
                .setParameter("number", number)
                .getResultList();
        long written = stored.isEmpty() ? 0 : stored.get(0);
        return written + pending.getOrDefault(new Question(siteId, number), 0L);
    }

    /** Views counted and not yet written, summed over all questions (for tests and the statistics page). */
    public long pendingViews() {
        return pending.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Adds the views counted since the last flush, in this call's transaction; an unknown question is ignored. */
    @Schedule(second = "*/" + FLUSH_SECONDS, minute = "*", hour = "*", persistent = false)
    public void flush() {
        Map<Question, Long> taken = new HashMap<>();
        for (Question q : pending.keySet()) {
            Long views = pending.remove(q);
            if (views != null && views > 0) {
                taken.put(q, views);
            }
        }
        try {
            for (Map.Entry<Question, Long> e : taken.entrySet()) {
                em.createQuery("update Question q set q.viewCount = q.viewCount + :views"
                                + " where q.site.id = :site and q.number = :number")
                        .setParameter("views", e.getValue())
                        .setParameter("site", e.getKey().siteId())
                        .setParameter("number", e.getKey().number())
                        .executeUpdate();
            }
        } catch (RuntimeException e) {
            taken.forEach((q, views) -> pending.merge(q, views, Long::sum));
            throw e;
        }
        if (!taken.isEmpty()) {
            log.log(Level.FINE, "Added page views to {0} questions", taken.size());
        }
    }

    /** A normal shutdown writes what is pending, in a transaction of its own. */
    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void flushOnShutdown() {
        long views = pendingViews();
        flush();
        log.log(Level.INFO, "Wrote {0} pending question views before shutdown", views);
    }
}
