package org.parley.notification;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.parley.common.Actor;
import org.parley.common.Page;
import org.parley.common.Paging;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;

/** A user's notifications: the inbox page, the unread count, read marks, and what is newer than a number. */
@Stateless
public class NotificationService {

    /** The most notifications {@link #since} returns at once; a client asks again from the last one it got. */
    public static final int MAX_SINCE = 50;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private Event<NotificationWritten> written;

    /**
     * The actor's notifications, newest first.
     *
     * @throws NotAllowedException when {@code actor} is null
     */
    public Page<NotificationView> list(Actor actor, int page, int pageSize) {
        long user = require(actor).userId();
        int p = Paging.page(page);
        int size = Paging.pageSize(pageSize);
        long total = em.createNamedQuery("Notification.countByUser", Long.class)
                .setParameter("user", user)
                .getSingleResult();
        List<NotificationView> items = em.createNamedQuery("Notification.findByUser", Notification.class)
                .setParameter("user", user)
                .setFirstResult((p - 1) * size)
                .setMaxResults(size)
                .getResultStream()
                .map(Notification::toView)
                .toList();
        return new Page<>(items, p, size, total);
    }

    /** The user's unread count and newest number ({@code 0, 0} for a user never notified). */
    public NotificationState state(long userId) {
        NotificationBox box = em.find(NotificationBox.class, userId);
        return box == null ? new NotificationState(0, 0) : new NotificationState(box.getLastSeq(), box.getUnread());
    }

    /**
     * The user's notifications numbered after {@code seq}, oldest first, at most {@value #MAX_SINCE}, with the state
     * now. A client that missed pushes (a reconnect, another server) asks with the last number it saw.
     *
     * @throws InvalidInputException when {@code seq} is negative
     */
    public NotificationBatch since(long userId, long seq) {
        if (seq < 0) {
            throw new InvalidInputException("since must be 0 or more.");
        }
        NotificationState state = state(userId);
        if (state.seq() <= seq) {
            return new NotificationBatch(state, List.of());
        }
        List<NotificationView> items = em.createNamedQuery("Notification.findByUserAfter", Notification.class)
                .setParameter("user", userId)
                .setParameter("seq", seq)
                .setMaxResults(MAX_SINCE)
                .getResultStream()
                .map(Notification::toView)
                .toList();
        return new NotificationBatch(state, items);
    }

    /**
     * Marks one of the actor's notifications read (already read: nothing changes).
     *
     * @throws NotAllowedException when {@code actor} is null
     * @throws NotFoundException when the actor has no notification with that number
     */
    public NotificationState markRead(Actor actor, long seq) {
        long user = require(actor).userId();
        NotificationBox box = em.find(NotificationBox.class, user, LockModeType.PESSIMISTIC_WRITE);
        Notification n = box == null
                ? null
                : em.createNamedQuery("Notification.findByUserAndSeq", Notification.class)
                        .setParameter("user", user)
                        .setParameter("seq", seq)
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (n == null) {
            throw new NotFoundException("No such notification.");
        }
        if (n.markRead()) {
            box.unreadRemoved(1);
            written.fire(new NotificationWritten(user, box.getLastSeq(), box.getUnread(), null));
        }
        return new NotificationState(box.getLastSeq(), box.getUnread());
    }

    /**
     * Marks all the actor's notifications read.
     *
     * @throws NotAllowedException when {@code actor} is null
     */
    public NotificationState markAllRead(Actor actor) {
        long user = require(actor).userId();
        NotificationBox box = em.find(NotificationBox.class, user, LockModeType.PESSIMISTIC_WRITE);
        if (box == null) {
            return new NotificationState(0, 0);
        }
        em.createNamedQuery("Notification.markAllRead")
                .setParameter("user", user)
                .executeUpdate();
        if (box.getUnread() > 0) {
            box.allRead();
            written.fire(new NotificationWritten(user, box.getLastSeq(), 0, null));
        }
        return new NotificationState(box.getLastSeq(), 0);
    }

    private static Actor require(Actor actor) {
        if (actor == null) {
            throw new NotAllowedException("Log in to see your notifications.");
        }
        return actor;
    }
}
