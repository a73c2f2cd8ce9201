package org.parley.post;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;

/**
 * Runs {@link SerialVoting} every night for every site, over the two UTC days before the run: yesterday, and the day
 * before in case a night was missed (the timer is not persistent, and a second pass over a day finds nothing). Each
 * site is reversed in a transaction of its own. Every server of a cluster runs it; the site row lock makes all but
 * the first find nothing.
 */
@Stateless
public class SerialVotingTimer {

    /** How many UTC days before the run's day are looked at. */
    static final int DAYS = 2;

    private static final Logger log = Logger.getLogger(SerialVotingTimer.class.getName());

    @EJB
    private SerialVoting voting;

    @EJB
    private SiteService sites;

    @Schedule(hour = "0", minute = "20", timezone = "UTC", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void nightly() {
        reverseRecent(Instant.now());
    }

    /**
     * Reverses serial voting on every site over the {@value #DAYS} UTC days before {@code now}'s day; callable on
     * demand (the nightly timer calls it). A site that fails is logged and left for the next run; the others go on.
     *
     * @return what was reversed, on all sites
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<SerialVoting.Reversal> reverseRecent(Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        List<SerialVoting.Reversal> done = new ArrayList<>();
        for (SiteInfo site : sites.list()) {
            for (int back = DAYS; back >= 1; back--) {
                LocalDate day = today.minusDays(back);
                try {
                    done.addAll(voting.reverse(site.id(), day));
                } catch (RuntimeException e) {
                    // One site's failure (a lock timeout, say) must not keep the others from their reversal.
                    log.log(
                            Level.WARNING,
                            e,
                            () -> "Serial-voting reversal failed on " + site.host() + " for " + day
                                    + "; the next run retries");
                }
            }
        }
        return done;
    }
}
