package org.parley.post;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
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
import org.parley.common.ClusterNode;
import org.parley.messaging.Destinations;

/**
 * Tells the other servers what this one committed: publishes committed changes to the events topic and turns those
 * that arrive from other servers into {@link RemotePostChanged} events for their caches and tag engine. Local observers
 * keep observing {@code PostChanged}.
 *
 * <p>In an EAR, CDI delivers an event only to observers the firing module can see: events fired here reach observers
 * in the EJB module, never the WAR's (nor the EAR libraries', which cannot see the event types). Web-side listeners
 * (pushes to browsers) therefore take their events from a topic consumer of their own in the WAR.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterEvents {

    private static final Logger log = Logger.getLogger(ClusterEvents.class.getName());

    /** The fields of an events-topic message; public for the WAR's own consumer (live question pages). */
    public static final String SITE = "siteId";

    public static final String QUESTION = "questionNumber";
    public static final String POST = "postNumber";
    public static final String KIND = "kind";
    public static final String ORIGIN = "origin";

    @Inject
    private JMSContext jms;

    @Resource(lookup = Destinations.EVENTS_TOPIC)
    private Topic events;

    @Inject
    private Event<RemotePostChanged> remote;

    /**
     * Publishes a change once its transaction has committed. A broker failure is logged, not thrown: the write has
     * already succeeded, and the other servers repair what they missed from row versions.
     */
    public void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostChanged change) {
        try {
            MapMessage message = jms.createMapMessage();
            message.setLong(SITE, change.siteId());
            message.setLong(QUESTION, change.questionNumber());
            message.setLong(POST, change.postNumber());
            message.setString(KIND, change.kind().name());
            message.setString(ORIGIN, ClusterNode.name());
            jms.createProducer().send(events, message);
        } catch (JMSRuntimeException | JMSException e) {
            log.log(Level.WARNING, "Could not publish {0} to the other servers: {1}", new Object[] {change, e});
        }
    }

    /**
     * Takes a change read from the events topic: one from another server is fired as {@link RemotePostChanged}; this
     * server's own are ignored, since local observers saw them at commit.
     *
     * @throws IllegalArgumentException for a message without the fields {@link #publish} writes
     */
    public void receive(MapMessage message) throws JMSException {
        String origin = message.getString(ORIGIN);
        String kind = message.getString(KIND);
        if (origin == null || kind == null || !message.itemExists(SITE)) {
            throw new IllegalArgumentException("Not a change event: " + message);
        }
        if (origin.equals(ClusterNode.name())) {
            return;
        }
        PostChanged change = new PostChanged(
                message.getLong(SITE),
                message.getLong(QUESTION),
                message.getLong(POST),
                PostChanged.Kind.valueOf(kind));
        remote.fire(new RemotePostChanged(change, origin));
    }
}
