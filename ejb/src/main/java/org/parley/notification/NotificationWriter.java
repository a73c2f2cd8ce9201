package org.parley.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.parley.badge.BadgeAwarded;
import org.parley.badge.BadgeType;
import org.parley.message.MessageDelivered;
import org.parley.message.MessagesRead;
import org.parley.post.PostActivity;
import org.parley.user.User;

/**
 * Writes the notification for a post activity or a delivered message in the transaction that caused it, so that a
 * notification exists exactly when its cause committed. Votes on one post fold into the newest unread vote
 * notification for that post. Locks the recipient's {@link NotificationBox} last, after the caller's own locks.
 */
@ApplicationScoped
public class NotificationWriter {

    /** How the subject of a message's notification starts; the message id follows. */
    static final String MESSAGE_SUBJECT = "message:";

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private Event<NotificationWritten> written;

    void onActivity(@Observes PostActivity activity) {
        String link = link(activity);
        switch (activity.kind()) {
            case ANSWER ->
                write(
                        activity.ownerId(),
                        activity.siteId(),
                        NotificationKind.ANSWER,
                        activity.actorName() + " answered your question: " + activity.excerpt(),
                        link,
                        null);
            case COMMENT ->
                write(
                        activity.ownerId(),
                        activity.siteId(),
                        NotificationKind.COMMENT,
                        activity.actorName()
                                + " commented on your "
                                + (activity.postNumber() == activity.questionNumber() ? "question" : "answer")
                                + ": "
                                + activity.excerpt(),
                        link,
                        null);
            case ACCEPTED ->
                write(
                        activity.ownerId(),
                        activity.siteId(),
                        NotificationKind.ACCEPTED,
                        activity.actorName() + " accepted your answer to \u201c" + activity.excerpt() + "\u201d",
                        link,
                        null);
            case VOTE -> vote(activity, link);
        }
    }

    void onBadge(@Observes BadgeAwarded badge) {
        write(
                badge.userId(),
                badge.siteId(),
                NotificationKind.BADGE,
                "You earned the " + (badge.tagBased() ? "tag " : "") + BadgeType.className(badge.badgeClass())
                        + " badge \u201c" + badge.name() + "\u201d.",
                badge.link(),
                null);
    }

    void onMessage(@Observes MessageDelivered message) {
        write(
                message.recipientId(),
                message.siteId(),
                NotificationKind.MESSAGE,
                message.senderName() + " sent you a message: " + message.excerpt(),
                "/messages/" + message.conversationId(),
                messageSubject(message.messageId()));
    }

    /**
     * Reading messages reads their notifications: those naming the messages, and (when the whole conversation was
     * opened) those written before notifications named their message, which name only the conversation's link.
     */
    void onMessagesRead(@Observes MessagesRead read) {
        NotificationBox box = em.find(NotificationBox.class, read.userId(), LockModeType.PESSIMISTIC_WRITE);
        if (box == null) {
            return; // never notified: nothing to mark
        }
        em.flush(); // read marks made in this transaction count before the bulk updates below
        List<String> subjects = read.messageIds().stream()
                .map(NotificationWriter::messageSubject)
                .toList();
        int marked = em.createNamedQuery("Notification.markReadBySubjects")
                .setParameter("user", read.userId())
                .setParameter("subjects", subjects)
                .executeUpdate();
        if (read.wholeConversation()) {
            marked += em.createNamedQuery("Notification.markReadByLink")
                    .setParameter("user", read.userId())
                    .setParameter("link", read.conversationLink())
                    .executeUpdate();
        }
        if (marked > 0) {
            box.unreadRemoved(marked);
            written.fire(new NotificationWritten(box.getUserId(), box.getLastSeq(), box.getUnread(), null));
        }
    }

    /** The subject of the notification of message {@code messageId}. */
    static String messageSubject(long messageId) {
        return MESSAGE_SUBJECT + messageId;
    }

    private void vote(PostActivity activity, String link) {
        String subject = "post:" + activity.siteId() + ":" + activity.postNumber();
        String what = activity.postNumber() == activity.questionNumber() ? "question" : "answer";
        NotificationBox box = box(activity.ownerId());
        Notification open = em.createNamedQuery("Notification.findUnreadBySubject", Notification.class)
                .setParameter("user", activity.ownerId())
                .setParameter("subject", subject)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
        Instant now = Instant.now();
        if (open == null) {
            create(
                    box,
                    activity.siteId(),
                    NotificationKind.VOTES,
                    votesText(1, what, activity.excerpt()),
                    link,
                    subject,
                    now);
        } else {
            open.fold(box.next(), votesText(open.getEvents() + 1, what, activity.excerpt()), now);
            written.fire(new NotificationWritten(box.getUserId(), box.getLastSeq(), box.getUnread(), open.toView()));
        }
    }

    private static String votesText(int n, String what, String title) {
        return (n == 1 ? "1 new vote" : n + " new votes") + " on your " + what + " \u201c" + title + "\u201d";
    }

    private void write(long userId, long siteId, NotificationKind kind, String text, String link, String subject) {
        create(box(userId), siteId, kind, text, link, subject, Instant.now());
    }

    private void create(
            NotificationBox box,
            long siteId,
            NotificationKind kind,
            String text,
            String link,
            String subject,
            Instant now) {
        Notification n = new Notification(box.getUserId(), siteId, box.next(), kind, text, link, subject, now);
        box.unreadAdded();
        em.persist(n);
        written.fire(new NotificationWritten(box.getUserId(), box.getLastSeq(), box.getUnread(), n.toView()));
    }

    /**
     * The user's box, write-locked; made on first use. Two first notifications for one user at once are serialised on
     * the user's row, so the second finds the box the first made instead of failing on its key.
     */
    private NotificationBox box(long userId) {
        NotificationBox box = em.find(NotificationBox.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (box == null) {
            em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
            box = em.find(NotificationBox.class, userId, LockModeType.PESSIMISTIC_WRITE);
            if (box == null) {
                box = new NotificationBox(userId);
                em.persist(box);
            }
        }
        return box;
    }

    private static String link(PostActivity a) {
        String question = "/questions/" + a.questionNumber() + "/" + a.questionSlug();
        return a.targetNumber() == a.questionNumber() ? question : question + "#answer-" + a.targetNumber();
    }
}
