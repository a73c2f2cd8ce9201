package org.parley.notification;

import java.util.Objects;

/**
 * Fired inside the transaction that wrote or changed a user's notifications (a new one, or read marks); {@link
 * NotificationFanout} tells every server once it commits.
 *
 * @param userId whose notifications changed
 * @param seq the user's newest notification number
 * @param unread the user's unread count after the change
 * @param latest the notification written, or null when only read marks changed
 */
public record NotificationWritten(long userId, long seq, int unread, NotificationView latest) {

    public NotificationWritten {
        if (latest != null) {
            Objects.requireNonNull(latest.kind(), "kind");
        }
    }
}
