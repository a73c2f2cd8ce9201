package org.parley.notification.push;

import java.util.List;
import org.parley.message.MailboxState;
import org.parley.notification.NotificationBatch;
import org.parley.notification.NotificationState;
import org.parley.notification.NotificationView;

/**
 * What {@code GET /api/notifications} answers: the notification counters, the notifications after the number asked,
 * and the user's messages' unread count and stamp (so a page without a socket sees messages change too).
 */
public record PollAnswer(NotificationState state, List<NotificationView> items, MailboxState messages) {

    static PollAnswer of(NotificationBatch batch, MailboxState messages) {
        return new PollAnswer(batch.state(), batch.items(), messages);
    }
}
