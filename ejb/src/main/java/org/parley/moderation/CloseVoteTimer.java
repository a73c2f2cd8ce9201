package org.parley.moderation;

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
 * Lets close and reopen votes age away ({@link ModerationService#expireVotes}) every hour, each site in a transaction
 * of its own. Every server of a cluster runs it; each question's row lock and the votes' settled mark make all but
 * the first find nothing, and a missed run (the timer is not persistent) is caught up by the next.
 */
@Stateless
public class CloseVoteTimer {

    private static final Logger log = Logger.getLogger(CloseVoteTimer.class.getName());

    @EJB
    private ModerationService moderation;

    @EJB
    private SiteService sites;

    @Schedule(hour = "*", minute = "35", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void hourly() {
        expireAll(Instant.now());
    }

    /**
     * Expires the aged close and reopen votes of every site as of {@code now}; a site that fails is logged and left
     * for the next run, the others go on.
     *
     * @return how many votes expired, on all sites
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int expireAll(Instant now) {
        int expired = 0;
        for (SiteInfo site : sites.list()) {
            try {
                expired += moderation.expireVotes(site.id(), now);
            } catch (RuntimeException e) {
                // One site's failure (a lock timeout, say) must not keep the others' votes from expiring.
                log.log(
                        Level.WARNING,
                        e,
                        () -> "Close votes of " + site.host() + " did not expire; the next run retries");
            }
        }
        return expired;
    }
}
