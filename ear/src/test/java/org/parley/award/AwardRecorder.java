package org.parley.award;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.badge.BadgeAwarded;

/**
 * Counts the {@link BadgeAwarded} events fired and committed, per user and badge, and injects failures: awards to a
 * user in {@link #failFor} throw inside the awarding transaction. Deployed inside the EJB module, where the events
 * reach.
 */
@ApplicationScoped
public class AwardRecorder {

    private final Map<String, AtomicInteger> fired = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> committed = new ConcurrentHashMap<>();
    private final Set<Long> failing = ConcurrentHashMap.newKeySet();

    void fired(@Observes BadgeAwarded event) {
        fired.computeIfAbsent(key(event.userId(), event.name()), k -> new AtomicInteger())
                .incrementAndGet();
        if (failing.contains(event.userId())) {
            throw new IllegalStateException("Injected award failure for user " + event.userId());
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) BadgeAwarded event) {
        committed
                .computeIfAbsent(key(event.userId(), event.name()), k -> new AtomicInteger())
                .incrementAndGet();
    }

    public void failFor(long userId) {
        failing.add(userId);
    }

    public void stopFailing(long userId) {
        failing.remove(userId);
    }

    /** How many awards of {@code badge} to {@code userId} committed. */
    public int committed(long userId, String badge) {
        AtomicInteger n = committed.get(key(userId, badge));
        return n == null ? 0 : n.get();
    }

    /** How many attempts to award {@code badge} to {@code userId} fired the event (committed or rolled back). */
    public int attempts(long userId, String badge) {
        AtomicInteger n = fired.get(key(userId, badge));
        return n == null ? 0 : n.get();
    }

    private static String key(long userId, String badge) {
        return userId + "/" + badge;
    }
}
