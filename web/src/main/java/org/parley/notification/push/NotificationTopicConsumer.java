package org.parley.notification.push;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.parley.messaging.ActivationConfig;
import org.parley.messaging.Destinations;

/**
 * One per server (a non-durable subscription each), in the WAR because Faces push lives here: hands every
 * notification signal to {@link LiveNotifications}. An unreadable message is thrown so Artemis redelivers.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = ActivationConfig.DESTINATION_LOOKUP,
                    propertyValue = Destinations.NOTIFICATIONS_TOPIC),
            @ActivationConfigProperty(
                    propertyName = ActivationConfig.DESTINATION_TYPE,
                    propertyValue = ActivationConfig.TOPIC),
            @ActivationConfigProperty(propertyName = ActivationConfig.MAX_SESSION, propertyValue = "4")
        })
public class NotificationTopicConsumer implements MessageListener {

    @Inject
    private LiveNotifications live;

    @Override
    public void onMessage(Message message) {
        try {
            live.deliver(Signal.of((MapMessage) message));
        } catch (JMSException | ClassCastException e) {
            throw new EJBException("Unreadable notification signal " + message, e);
        }
    }
}
