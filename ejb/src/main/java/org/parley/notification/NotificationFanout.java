package org.parley.notification;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Topic;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.message.MailboxChanged;
import org.parley.messaging.Destinations;

/**
 * Publishes every committed notification change on the notifications topic, which each server's WAR consumes to push
 * to the browsers connected to it and to answer waiting long-polls. The message is small (counters, kind, text,
 * link); the notification itself is in the database for any client that missed the push.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationFanout {

    private static final Logger log = Logger.getLogger(NotificationFanout.class.getName());

    public static final String USER = "userId";
    public static final String SEQ = "seq";
    public static final String UNREAD = "unread";
    public static final String KIND = "kind";
    public static final String TEXT = "text";
    public static final String LINK = "link";
    /** When the change committed (epoch ms on the writing server), for end-to-end latency figures. */
    public static final String AT = "at";
    /** What the signal is about: absent for a notification change, {@value #MAILBOX} for a change of messages. */
    public static final String TYPE = "type";

    public static final String MAILBOX = "mailbox";
    public static final String CONVERSATION = "conversation";
    public static final String STAMP = "stamp";

    @Inject
    private JMSContext jms;

    @Resource(lookup = Destinations.NOTIFICATIONS_TOPIC)
    private Topic topic;

    /**
     * Sends once the writing transaction has committed. A broker failure is logged, not thrown: the notification is
     * stored, and browsers fetch it by number on their next poll or reconnect.
     */
    public void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationWritten change) {
        try {
            MapMessage m = jms.createMapMessage();
            m.setLong(USER, change.userId());
            m.setLong(SEQ, change.seq());
            m.setInt(UNREAD, change.unread());
            m.setLong(AT, System.currentTimeMillis());
            if (change.latest() != null) {
                m.setString(KIND, change.latest().kind().name());
                m.setString(TEXT, change.latest().text());
                m.setString(LINK, change.latest().link());
            }
            jms.createProducer().send(topic, m);
        } catch (JMSRuntimeException | JMSException e) {
            log.log(Level.WARNING, "Could not publish notification {0}: {1}", new Object[] {change, e});
        }
    }

    /**
     * Sends a change of the user's messages (the unread count, the conversation, the new stamp) the same way, so that
     * their open pages update ({@link MailboxChanged} is fired once the change committed). A broker failure is logged, not thrown: a page that missed it sees
     * the change on its next load, or on its next long-poll by the stamp.
     */
    public void publish(@Observes MailboxChanged change) {
        try {
            MapMessage m = jms.createMapMessage();
            m.setString(TYPE, MAILBOX);
            m.setLong(USER, change.userId());
            m.setLong(CONVERSATION, change.conversationId());
            m.setLong(UNREAD, change.unread());
            m.setString(STAMP, change.stamp());
            m.setLong(AT, System.currentTimeMillis());
            jms.createProducer().send(topic, m);
        } catch (JMSRuntimeException | JMSException e) {
            log.log(Level.WARNING, "Could not publish mailbox change {0}: {1}", new Object[] {change, e});
        }
    }
}
