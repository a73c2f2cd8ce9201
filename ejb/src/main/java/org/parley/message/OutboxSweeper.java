package org.parley.message;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox half of "stored and queued atomically": every {@value #EVERY_SECONDS} s, messages still pending
 * {@link #STALE} after their job was last queued get a new job. XA already makes the row and the job commit together;
 * this covers what XA leaves open: a crash between the database's one-phase commit (it is the transaction's last
 * resource) and the broker's commit, a journal lost with its disk, a job an admin removed. Duplicates are harmless,
 * delivery is idempotent; jobs sitting in the dead-letter queue are left to the admin page.
 */
@Stateless
public class OutboxSweeper {

    static final int EVERY_SECONDS = 10;
    static final Duration STALE = Duration.ofSeconds(60);
    static final int BATCH = 500;

    private static final Logger log = Logger.getLogger(OutboxSweeper.class.getName());

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private MessageJobs jobs;

    @EJB
    private DeadLetterService deadLetters;

    @Schedule(second = "*/" + EVERY_SECONDS, minute = "*", hour = "*", persistent = false)
    void onTimer() {
        sweep(Instant.now());
    }

    /** Queues a new job for each message pending since before {@code now} minus 60 s; returns how many. */
    public int sweep(Instant now) {
        List<Long> stale = em.createNamedQuery("PrivateMessage.stalePending", Long.class)
                .setParameter("before", now.minus(STALE))
                .setMaxResults(BATCH)
                .getResultList();
        if (stale.isEmpty()) {
            return 0;
        }
        Set<Long> dead = deadLetters.deadMessageIds();
        List<Long> lost = stale.stream().filter(id -> !dead.contains(id)).toList();
        if (lost.isEmpty()) {
            return 0;
        }
        // A bulk update of one column: it never writes back a state a delivery committed meanwhile.
        em.createNamedQuery("PrivateMessage.requeue")
                .setParameter("now", now)
                .setParameter("ids", lost)
                .executeUpdate();
        lost.forEach(jobs::enqueue);
        int queued = lost.size();
        if (queued > 0) {
            log.log(Level.INFO, "Queued {0} private messages again that were pending for over {1} s", new Object[] {
                queued, STALE.toSeconds()
            });
        }
        return queued;
    }
}
