package org.parley.post;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;
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
    static final long LOCK_WAIT_MILLIS = 1_000;
    private static final Logger log = Logger.getLogger(ViewTally.class.getName());

    private record Question(long siteId, long number) {}

    private final Map<Question, Long> pending = new ConcurrentHashMap<>();

    /** Views a flush has taken and is writing: still counted by {@link #current} until its transaction ends. */
    private final Map<Question, Long> inFlight = new ConcurrentHashMap<>();

    /**
     * Readers ({@link #current}) read the row and the two maps under the read lock; a flush moves views between the
     * maps, and its transaction commits, under the write lock, so a reader sees each view exactly once: pending, in
     * flight, or in the committed row. A stamped lock, because the commit's end may be reported on another thread.
     */
    private final StampedLock moves = new StampedLock();

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Inject
    private ViewCounter fallback;

    @Inject
    private Event<QuestionViewsAdded> viewsAdded;

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
        Question q = new Question(siteId, number);
        long stamp = lock(false);
        try {
            List<Long> stored = em.createQuery(
                            "select q.viewCount from Question q where q.site.id = :site and q.number = :number",
                            Long.class)
                    .setParameter("site", siteId)
                    .setParameter("number", number)
                    .getResultList();
            long written = stored.isEmpty() ? 0 : stored.get(0);
            return written + pending.getOrDefault(q, 0L) + inFlight.getOrDefault(q, 0L);
        } finally {
            if (stamp != 0) {
                moves.unlockRead(stamp);
            }
        }
    }

    /**
     * The read or write lock, or 0 after {@value #LOCK_WAIT_MILLIS} ms without it: a count off by a flush's views
     * for a moment is better than a page or a commit that hangs.
     */
    private long lock(boolean write) {
        try {
            long stamp = write
                    ? moves.tryWriteLock(LOCK_WAIT_MILLIS, TimeUnit.MILLISECONDS)
                    : moves.tryReadLock(LOCK_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            if (stamp == 0) {
                log.log(Level.WARNING, "View counts read without waiting longer for a flush");
            }
            return stamp;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Views counted and not yet written, summed over all questions (for tests and the statistics page). */
    public long pendingViews() {
        return pending.values().stream().mapToLong(Long::longValue).sum()
                + inFlight.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Adds the views counted since the last flush, in this call's transaction; an unknown question is ignored. Until
     * the transaction ends the views stay counted as in flight; if it rolls back they go back to pending.
     */
    @Schedule(second = "*/" + FLUSH_SECONDS, minute = "*", hour = "*", persistent = false)
    public void flush() {
        Map<Question, Long> taken = new HashMap<>();
        long stamp = lock(true);
        try {
            for (Question q : pending.keySet()) {
                Long views = pending.remove(q);
                if (views != null && views > 0) {
                    taken.put(q, views);
                    inFlight.merge(q, views, Long::sum);
                }
            }
        } finally {
            if (stamp != 0) {
                moves.unlockWrite(stamp);
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            private long commit;

            @Override
            public void beforeCompletion() {
                commit = lock(true); // readers wait while the rows become visible
            }

            @Override
            public void afterCompletion(int status) {
                long held = commit != 0 ? commit : lock(true); // rolled back without beforeCompletion
                try {
                    taken.forEach((q, views) -> {
                        inFlight.computeIfPresent(q, (k, v) -> v - views == 0 ? null : v - views);
                        if (status != Status.STATUS_COMMITTED) {
                            pending.merge(q, views, Long::sum);
                        }
                    });
                } finally {
                    if (held != 0) {
                        moves.unlockWrite(held);
                    }
                }
            }
        });
        for (Map.Entry<Question, Long> e : taken.entrySet()) {
            em.createQuery("update Question q set q.viewCount = q.viewCount + :views"
                            + " where q.site.id = :site and q.number = :number")
                    .setParameter("views", e.getValue())
                    .setParameter("site", e.getKey().siteId())
                    .setParameter("number", e.getKey().number())
                    .executeUpdate();
            viewsAdded.fire(
                    new QuestionViewsAdded(e.getKey().siteId(), e.getKey().number(), e.getValue()));
        }
        log.log(Level.FINE, "Added page views to {0} questions", taken.size());
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
