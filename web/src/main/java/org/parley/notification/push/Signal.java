package org.parley.notification.push;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.notification.NotificationFanout;

/**
 * One committed change as read from the notifications topic: of the user's notifications (numbered), or of their
 * messages ({@link NotificationFanout#MAILBOX}: the conversation that changed, the unread count, the new stamp).
 *
 * @param payload what the browser gets over the socket (Faces push encodes the map as JSON)
 */
public record Signal(long userId, Map<String, Object> payload) {

    /**
     * @throws IllegalArgumentException for a message without the fields {@link NotificationFanout} writes
     */
    static Signal of(MapMessage m) throws JMSException {
        if (!m.itemExists(NotificationFanout.USER)) {
            throw new IllegalArgumentException("Not a notification signal: " + m);
        }
        long at = m.itemExists(NotificationFanout.AT) ? m.getLong(NotificationFanout.AT) : 0;
        Map<String, Object> p = new LinkedHashMap<>();
        if (NotificationFanout.MAILBOX.equals(m.getString(NotificationFanout.TYPE))) {
            if (!m.itemExists(NotificationFanout.CONVERSATION) || !m.itemExists(NotificationFanout.STAMP)) {
                throw new IllegalArgumentException("Not a mailbox signal: " + m);
            }
            p.put("type", NotificationFanout.MAILBOX);
            p.put("conversation", m.getLong(NotificationFanout.CONVERSATION));
            p.put("unread", m.getLong(NotificationFanout.UNREAD));
            p.put("stamp", m.getString(NotificationFanout.STAMP));
            p.put("at", at);
            return new Signal(m.getLong(NotificationFanout.USER), p);
        }
        if (!m.itemExists(NotificationFanout.SEQ)) {
            throw new IllegalArgumentException("Not a notification signal: " + m);
        }
        p.put("seq", m.getLong(NotificationFanout.SEQ));
        p.put("unread", m.getInt(NotificationFanout.UNREAD));
        p.put("at", at);
        String kind = m.getString(NotificationFanout.KIND);
        if (kind != null) {
            p.put("kind", kind);
            p.put("text", m.getString(NotificationFanout.TEXT));
            p.put("link", m.getString(NotificationFanout.LINK));
        }
        return new Signal(m.getLong(NotificationFanout.USER), p);
    }
}
