package org.parley.notification.push;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.notification.NotificationFanout;

/**
 * One committed notification change as read from the topic.
 *
 * @param kind text and link: the new notification's, or null when only read marks changed
 * @param at when the writing server published it (epoch ms)
 */
public record Signal(long userId, long seq, int unread, String kind, String text, String link, long at) {

    /**
     * @throws IllegalArgumentException for a message without the fields {@link NotificationFanout} writes
     */
    static Signal of(MapMessage m) throws JMSException {
        if (!m.itemExists(NotificationFanout.USER) || !m.itemExists(NotificationFanout.SEQ)) {
            throw new IllegalArgumentException("Not a notification signal: " + m);
        }
        return new Signal(
                m.getLong(NotificationFanout.USER),
                m.getLong(NotificationFanout.SEQ),
                m.getInt(NotificationFanout.UNREAD),
                m.getString(NotificationFanout.KIND),
                m.getString(NotificationFanout.TEXT),
                m.getString(NotificationFanout.LINK),
                m.itemExists(NotificationFanout.AT) ? m.getLong(NotificationFanout.AT) : 0);
    }

    /** What the browser gets over the socket (Faces push encodes the map as JSON). */
    Map<String, Object> payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("seq", seq);
        p.put("unread", unread);
        p.put("at", at);
        if (kind != null) {
            p.put("kind", kind);
            p.put("text", text);
            p.put("link", link);
        }
        return p;
    }
}
