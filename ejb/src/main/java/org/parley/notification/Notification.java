package org.parley.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing a user is told, numbered by a per-user sequence ({@link NotificationBox}). Votes on one post fold into
 * the newest unread vote notification for it, which then takes a new number so that browsers see the new count.
 */
@Entity
@Table(
        name = "notification",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_notification_user_seq",
                        columnNames = {"user_id", "seq"}),
        indexes = @Index(name = "idx_notification_user_subject", columnList = "user_id, subject"))
@NamedQuery(
        name = "Notification.findByUser",
        query = "select n from Notification n where n.userId = :user order by n.seq desc")
@NamedQuery(name = "Notification.countByUser", query = "select count(n) from Notification n where n.userId = :user")
@NamedQuery(
        name = "Notification.findByUserAfter",
        query = "select n from Notification n where n.userId = :user and n.seq > :seq order by n.seq")
@NamedQuery(
        name = "Notification.findUnreadBySubject",
        query = "select n from Notification n where n.userId = :user and n.subject = :subject and n.read = false"
                + " order by n.seq desc")
@NamedQuery(
        name = "Notification.findByUserAndSeq",
        query = "select n from Notification n where n.userId = :user and n.seq = :seq")
@NamedQuery(
        name = "Notification.unreadSubjects",
        query = "select n.subject, n.link from Notification n where n.userId = :user and n.read = false"
                + " and n.kind = org.parley.notification.NotificationKind.MESSAGE")
@NamedQuery(
        name = "Notification.markReadBySubjects",
        query = "update Notification n set n.read = true where n.userId = :user and n.read = false"
                + " and n.kind = org.parley.notification.NotificationKind.MESSAGE and n.subject in :subjects")
@NamedQuery(
        name = "Notification.markReadByLink",
        query = "update Notification n set n.read = true where n.userId = :user and n.read = false"
                + " and n.kind = org.parley.notification.NotificationKind.MESSAGE and n.subject is null"
                + " and n.link = :link")
@NamedQuery(
        name = "Notification.markAllRead",
        query = "update Notification n set n.read = true where n.userId = :user and n.read = false")
public class Notification {

    public static final int MAX_TEXT = 400;
    public static final int MAX_LINK = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_id")
    @SequenceGenerator(name = "notification_id", sequenceName = "parley_notification_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    @Column(name = "seq", nullable = false)
    private long seq;

    // VARCHAR, not an ENUM column: H2 reads ENUM columns back as ordinals after a kill -9.
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16, columnDefinition = "varchar(16)")
    private NotificationKind kind;

    @Column(name = "body", nullable = false, length = MAX_TEXT)
    private String text;

    @Column(name = "link", nullable = false, length = MAX_LINK)
    private String link;

    /** What aggregated notifications are about (a post, for votes); null for the others. */
    @Column(name = "subject", length = 80)
    private String subject;

    /** How many events this notification stands for (votes fold in). */
    @Column(name = "events", nullable = false)
    private int events;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "is_read", nullable = false)
    private boolean read;

    protected Notification() {}

    Notification(
            long userId,
            long siteId,
            long seq,
            NotificationKind kind,
            String text,
            String link,
            String subject,
            Instant now) {
        this.userId = userId;
        this.siteId = siteId;
        this.seq = seq;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.text = clip(Objects.requireNonNull(text, "text"), MAX_TEXT);
        this.link = clip(Objects.requireNonNull(link, "link"), MAX_LINK);
        this.subject = subject;
        this.events = 1;
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    /** Folds one more event in: new text, a new number and time; stays unread. */
    void fold(long newSeq, String newText, Instant now) {
        if (read) {
            throw new IllegalStateException("A read notification is not reopened");
        }
        this.seq = newSeq;
        this.text = clip(newText, MAX_TEXT);
        this.events++;
        this.createdAt = now;
    }

    /** Marks it read; true when it was unread. */
    boolean markRead() {
        boolean was = !read;
        read = true;
        return was;
    }

    NotificationView toView() {
        return new NotificationView(seq, kind, text, link, createdAt, read);
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    public long getUserId() {
        return userId;
    }

    public long getSeq() {
        return seq;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    public String getLink() {
        return link;
    }

    /** What it is about: {@code message:ID} for a message's, {@code post:SITE:NUMBER} for votes, else null. */
    public String getSubject() {
        return subject;
    }

    public int getEvents() {
        return events;
    }

    public boolean isRead() {
        return read;
    }
}
