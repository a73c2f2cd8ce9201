package org.parley.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user's notification counters: the last number given out and how many are unread. Its row is locked by whoever
 * writes a notification for the user, so numbers are gap-free and in commit order per user.
 */
@Entity
@Table(name = "notification_box")
public class NotificationBox {

    @Id
    @Column(name = "user_id")
    private long userId;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "unread", nullable = false)
    private int unread;

    protected NotificationBox() {}

    NotificationBox(long userId) {
        this.userId = userId;
    }

    long next() {
        return ++lastSeq;
    }

    void unreadAdded() {
        unread++;
    }

    void unreadRemoved(int n) {
        unread = Math.max(0, unread - n);
    }

    void allRead() {
        unread = 0;
    }

    public long getUserId() {
        return userId;
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public int getUnread() {
        return unread;
    }
}
