package org.parley.user;

import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records the days on which logged-in users visit, cheaply: a server remembers (in a bounded map, per UTC day) whom it
 * has recorded today, so a user's second and later requests of the day cost a map look-up and no SQL; the first one
 * of the day on a server reads one row and writes it when it is not there. So a user costs at most one write a day
 * (and at most one read per server a day), and never a session write.
 */
@Singleton
@jakarta.ejb.ConcurrencyManagement(jakarta.ejb.ConcurrencyManagementType.BEAN)
public class Visits {

    /** Users remembered per server and day; past it the oldest are forgotten and read (not written) again. */
    static final int MAX_REMEMBERED = 100_000;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private Event<UserVisited> visited;

    private Clock clock = Clock.systemUTC();

    private LocalDate today;

    private Set<Long> seen = newSeen();

    /** Whether {@code userId}'s visit today still has to be looked at (not yet recorded by this server today). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public synchronized boolean isNew(long userId) {
        roll();
        return !seen.contains(userId);
    }

    /**
     * Records that user {@code userId} of site {@code siteId} visits today (UTC); a second call on the same day does
     * nothing. The first recording of a day fires {@link UserVisited}.
     *
     * @return whether this call wrote the day's row
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean record(long siteId, long userId) {
        LocalDate day;
        synchronized (this) {
            roll();
            if (seen.contains(userId)) {
                return false;
            }
            day = today;
        }
        long rows = em.createNamedQuery("UserVisit.countByUserAndDay", Long.class)
                .setParameter("user", userId)
                .setParameter("day", day)
                .getSingleResult();
        boolean wrote = false;
        if (rows == 0) {
            User user = em.find(User.class, userId);
            if (user == null) {
                return false;
            }
            em.persist(new UserVisit(userId, day));
            em.flush(); // another server's row for the same day fails here, not after this method
            visited.fire(new UserVisited(siteId, userId, user.getNumber(), day));
            wrote = true;
        }
        synchronized (this) {
            if (day.equals(today)) {
                seen.add(userId);
            }
        }
        return wrote;
    }

    /**
     * The length of the run of consecutive visit days of user {@code userId} that ends today or yesterday (UTC), up to
     * {@code max} days; 0 without such a run.
     */
    public int consecutiveDays(long userId, int max) {
        LocalDate now = LocalDate.now(clock);
        List<LocalDate> days = em.createNamedQuery("UserVisit.daysByUserSince", LocalDate.class)
                .setParameter("user", userId)
                .setParameter("since", now.minusDays(max))
                .getResultList();
        return run(days, now, max);
    }

    /** The run of consecutive days in {@code daysNewestFirst} that ends on {@code today} or the day before. */
    static int run(List<LocalDate> daysNewestFirst, LocalDate today, int max) {
        if (daysNewestFirst.isEmpty()) {
            return 0;
        }
        LocalDate expected = daysNewestFirst.get(0);
        if (expected.isBefore(today.minusDays(1))) {
            return 0;
        }
        int n = 0;
        for (LocalDate d : daysNewestFirst) {
            if (d.equals(expected)) {
                n++;
                expected = expected.minusDays(1);
            } else if (d.isBefore(expected)) {
                break;
            }
            if (n >= max) {
                break;
            }
        }
        return n;
    }

    /** For tests: the clock that says which day it is. */
    public void useClock(Clock clock) {
        synchronized (this) {
            this.clock = clock;
            this.today = null;
        }
    }

    private void roll() {
        LocalDate now = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (!now.equals(today)) {
            today = now;
            seen = newSeen();
        }
    }

    private static Set<Long> newSeen() {
        return Collections.newSetFromMap(new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > MAX_REMEMBERED;
            }
        });
    }
}
