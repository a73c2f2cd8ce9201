package org.parley.post.jms;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.parley.messaging.ActivationConfig;
import org.parley.messaging.Destinations;
import org.parley.post.ClusterEvents;

/**
 * One per server (a non-durable topic subscription each): hands every change event to {@link ClusterEvents}. A failure
 * is thrown so that Artemis redelivers.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = ActivationConfig.DESTINATION_LOOKUP,
                    propertyValue = Destinations.EVENTS_TOPIC),
            @ActivationConfigProperty(
                    propertyName = ActivationConfig.DESTINATION_TYPE,
                    propertyValue = ActivationConfig.TOPIC),
            @ActivationConfigProperty(propertyName = ActivationConfig.MAX_SESSION, propertyValue = "1")
        })
public class ClusterEventConsumer implements MessageListener {

    @EJB
    private ClusterEvents events;

    @Override
    public void onMessage(Message message) {
        try {
            events.receive((MapMessage) message);
        } catch (JMSException | ClassCastException e) {
            throw new EJBException("Unreadable change event " + message, e);
        }
    }
}
