package org.parley.award;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;

/**
 * Every night at 01:10 UTC, queues a badge check for each user whom time alone may have earned a badge (Yearling,
 * Tumbleweed). The checks run on the badge queue like any other, so the awarding stays in one place and is idempotent:
 * the timers of a cluster's servers may all run, and each badge is still awarded once. Consecutive visit days
 * (Enthusiast, Fanatic) need no timer: a day's first visit queues its check.
 */
@Stateless
public class BadgeTimer {

    private static final Logger log = Logger.getLogger(BadgeTimer.class.getName());

    @EJB
    private BadgeAwardService awards;

    @EJB
    private SiteService sites;

    @Schedule(hour = "1", minute = "10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void nightly() {
        queueAll(Instant.now());
    }

    /**
     * Queues the time-based checks of every site as of {@code now}; a site that fails is logged and left for the next
     * run, the others go on.
     *
     * @return how many checks were queued
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int queueAll(Instant now) {
        int queued = 0;
        for (SiteInfo site : sites.list()) {
            try {
                queued += awards.queueTimeBased(site.id(), now);
            } catch (RuntimeException e) {
                log.log(
                        Level.WARNING,
                        e,
                        () -> "Badge checks of " + site.host() + " were not queued; the next run retries");
            }
        }
        return queued;
    }
}
