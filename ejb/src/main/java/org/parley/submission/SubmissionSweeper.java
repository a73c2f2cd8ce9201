package org.parley.submission;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Forgets submissions older than {@link Submissions#KEPT}, every hour on every server (a second server's delete finds
 * nothing left).
 */
@Stateless
public class SubmissionSweeper {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Schedule(minute = "37", hour = "*", persistent = false)
    void hourly() {
        new Submissions(em).forgetOld(Instant.now());
    }
}
