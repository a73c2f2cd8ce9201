package org.parley.notification;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.parley.common.Actor;
import org.parley.common.Page;
import org.parley.common.Paging;
import org.parley.message.MessageService;
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

    @Inject
    private MessageService messages;

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
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // every logged-in page asks: no transaction of its own
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
     * Marks one of the actor's notifications read (already read: nothing changes). A message's notification marks
     * the message read too, as opening it would.
     *
     * @throws NotAllowedException when {@code actor} is null
     * @throws NotFoundException when the actor has no notification with that number
     */
    public NotificationState markRead(Actor actor, long seq) {
        long user = require(actor).userId();
        // The message first: reading it reads this notification (NotificationWriter), taking the locks in the order
        // opening the conversation takes them (the message rows, then the user's box).
        Notification first = find(user, seq);
        if (first != null && !first.isRead() && first.getKind() == NotificationKind.MESSAGE) {
            readMessages(actor, Collections.singletonList(new Object[] {first.getSubject(), first.getLink()}));
            em.flush();
            em.refresh(first); // the read marks came in a bulk update
        }
        NotificationBox box = em.find(NotificationBox.class, user, LockModeType.PESSIMISTIC_WRITE);
        Notification n = box == null ? null : find(user, seq);
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
     * Marks all the actor's notifications read, and the messages of its message notifications.
     *
     * @throws NotAllowedException when {@code actor} is null
     */
    public NotificationState markAllRead(Actor actor) {
        long user = require(actor).userId();
        readMessages(
                actor,
                em.createNamedQuery("Notification.unreadSubjects", Object[].class)
                        .setParameter("user", user)
                        .getResultList());
        NotificationBox box = em.find(NotificationBox.class, user, LockModeType.PESSIMISTIC_WRITE);
        if (box == null) {
            return new NotificationState(0, 0);
        }
        em.flush();
        em.createNamedQuery("Notification.markAllRead")
                .setParameter("user", user)
                .executeUpdate();
        if (box.getUnread() > 0) {
            box.allRead();
            written.fire(new NotificationWritten(user, box.getLastSeq(), 0, null));
        }
        return new NotificationState(box.getLastSeq(), 0);
    }

    /**
     * Marks read the messages that message notifications ({subject, link} pairs) stand for: the message a subject
     * names, or for older notifications that name none, every message of the conversation their link names.
     */
    private void readMessages(Actor actor, List<Object[]> subjectsAndLinks) {
        List<Long> ids = new ArrayList<>();
        for (Object[] row : subjectsAndLinks) {
            String subject = (String) row[0];
            String link = (String) row[1];
            if (subject != null && subject.startsWith(NotificationWriter.MESSAGE_SUBJECT)) {
                number(subject.substring(NotificationWriter.MESSAGE_SUBJECT.length()), ids);
            } else if (subject == null && link != null && link.startsWith(CONVERSATION_LINK)) {
                List<Long> conversation = new ArrayList<>(1);
                number(link.substring(CONVERSATION_LINK.length()), conversation);
                conversation.forEach(c -> messages.markConversationRead(actor, c));
            }
        }
        if (!ids.isEmpty()) {
            messages.markRead(actor, ids);
        }
    }

    private static final String CONVERSATION_LINK = "/messages/";

    private Notification find(long user, long seq) {
        return em.createNamedQuery("Notification.findByUserAndSeq", Notification.class)
                .setParameter("user", user)
                .setParameter("seq", seq)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private static void number(String digits, List<Long> into) {
        try {
            into.add(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            // not a link or subject Parley wrote: nothing to mark
        }
    }

    private static Actor require(Actor actor) {
        if (actor == null) {
            throw new NotAllowedException("Log in to see your notifications.");
        }
        return actor;
    }
}
