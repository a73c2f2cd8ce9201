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
import org.parley.common.Actor;
import org.parley.message.MailboxState;
import org.parley.message.MessageService;
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

    @EJB
    private MessageService messages;

    private final Map<Long, Set<Waiter>> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    /** A suspended request: answered once, by whichever comes first of a wake, its timeout or a failure. */
    private final class Waiter {
        final Actor actor;
        final long userId;
        final long since;
        final AsyncResponse response;
        final AtomicBoolean answered = new AtomicBoolean();

        Waiter(Actor actor, long since, AsyncResponse response) {
            this.actor = actor;
            this.userId = actor.userId();
            this.since = since;
            this.response = response;
        }

        void answer() {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            release(this);
            try {
                response.resume(ok(LongPolls.this.answer(actor, since)));
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
     * Suspends {@code response} until the actor's notifications or messages change here, or {@code waitSeconds} pass.
     * Answers at once when they already differ from what the page knows: a notification numbered after {@code since},
     * a notification unread count other than {@code unread}, or a mailbox stamp other than {@code stamp}.
     *
     * @param unread the notification unread count the page shows, or -1 when it does not say
     * @param stamp the mailbox stamp the page has, or null when it does not say
     * @return null when held (or answered), else why not
     */
    public Refusal hold(Actor actor, long since, int unread, String stamp, int waitSeconds, AsyncResponse response) {
        long userId = actor.userId();
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            return Refusal.SERVER_FULL;
        }
        Waiter waiter = new Waiter(actor, since, response);
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
        // Registered before looking: a change committed in between wakes this waiter instead of being missed.
        var state = notifications.state(userId);
        if (state.seq() > since
                || (unread >= 0 && state.unread() != unread)
                || (stamp != null && !stamp.equals(messages.mailbox(actor).stamp()))) {
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

    /** What the actor's page is told: the notifications after {@code since}, and the state of their messages. */
    public PollAnswer answer(Actor actor, long since) {
        MailboxState mailbox = messages.mailbox(actor);
        return PollAnswer.of(notifications.since(actor.userId(), since), mailbox);
    }

    public static Response ok(PollAnswer answer) {
        return Response.ok(answer, MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .build();
    }
}
