package org.parley.notification.push;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.notification.NotificationBatch;
import org.parley.notification.NotificationService;

/**
 * The long-polls waiting on this server: suspended requests ({@link AsyncResponse}, no thread held) answered as soon
 * as the user's notifications change here, or with what is there when their wait runs out. Bounded: at most {@link
 * #MAX_WAITING} on the server and {@link #MAX_PER_USER} per user; past either, {@link #hold} refuses.
 */
@ApplicationScoped
public class LongPolls {

    private static final Logger log = Logger.getLogger(LongPolls.class.getName());

    public static final int MAX_WAITING = 10_000;
    public static final int MAX_PER_USER = 16;

    @EJB
    private NotificationService notifications;

    private final Map<Long, Set<Waiter>> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    /** A suspended request: answered once, by whichever comes first of a wake, its timeout or a failure. */
    private final class Waiter {
        final long userId;
        final long since;
        final AsyncResponse response;
        final AtomicBoolean answered = new AtomicBoolean();

        Waiter(long userId, long since, AsyncResponse response) {
            this.userId = userId;
            this.since = since;
            this.response = response;
        }

        void answer() {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            release(this);
            try {
                response.resume(ok(notifications.since(userId, since)));
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "Could not answer a long-poll of user {0}: {1}", new Object[] {userId, e});
                response.resume(Response.serverError().build());
            }
        }
    }

    /** Why {@link #hold} refused. */
    public enum Refusal {
        SERVER_FULL,
        USER_FULL
    }

    /**
     * Suspends {@code response} until user {@code userId} has a notification numbered after {@code since} or {@code
     * waitSeconds} pass. Answers at once when there already is one.
     *
     * @return null when held (or answered), else why not
     */
    public Refusal hold(long userId, long since, int waitSeconds, AsyncResponse response) {
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            return Refusal.SERVER_FULL;
        }
        Waiter waiter = new Waiter(userId, since, response);
        boolean[] added = {false};
        byUser.compute(userId, (id, set) -> {
            Set<Waiter> s = set == null ? ConcurrentHashMap.newKeySet() : set;
            if (s.size() < MAX_PER_USER) {
                added[0] = s.add(waiter);
            }
            return s.isEmpty() ? null : s;
        });
        if (!added[0]) {
            waiting.decrementAndGet();
            return Refusal.USER_FULL;
        }
        response.setTimeout(waitSeconds, TimeUnit.SECONDS);
        response.setTimeoutHandler(r -> waiter.answer());
        response.register((jakarta.ws.rs.container.CompletionCallback) failure -> {
            if (waiter.answered.compareAndSet(false, true)) {
                release(waiter);
            }
        });
        // Registered before looking: a notification committed in between wakes this waiter instead of being missed.
        if (notifications.state(userId).seq() > since) {
            waiter.answer();
        }
        return null;
    }

    /** Answers every long-poll user {@code userId} has waiting here. */
    public void wake(long userId) {
        Set<Waiter> set = byUser.get(userId);
        if (set != null) {
            for (Waiter w : set.toArray(new Waiter[0])) {
                w.answer();
            }
        }
    }

    /** How many requests wait on this server. */
    public int waiting() {
        return waiting.get();
    }

    private void release(Waiter waiter) {
        boolean[] removed = {false};
        byUser.computeIfPresent(waiter.userId, (id, set) -> {
            removed[0] = set.remove(waiter);
            return set.isEmpty() ? null : set;
        });
        if (removed[0]) {
            waiting.decrementAndGet();
        }
    }

    public static Response ok(NotificationBatch batch) {
        return Response.ok(batch, MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .build();
    }
}
