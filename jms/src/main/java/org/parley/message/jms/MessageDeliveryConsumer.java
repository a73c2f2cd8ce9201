package org.parley.message.jms;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.parley.message.MessageDeliveryService;
import org.parley.messaging.ActivationConfig;
import org.parley.messaging.Destinations;

/**
 * Delivers one private message per job. A failure is thrown, never logged and dropped: the transaction (with the
 * JMS receipt) rolls back, Artemis redelivers after 1, 2, 4, 8 s and after five attempts moves the job to the
 * dead-letter queue (wildfly-config/install-private-message-queues.cli), where the admin page shows it.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = ActivationConfig.DESTINATION_LOOKUP,
                    propertyValue = Destinations.MESSAGES_QUEUE),
            @ActivationConfigProperty(
                    propertyName = ActivationConfig.DESTINATION_TYPE,
                    propertyValue = ActivationConfig.QUEUE),
            @ActivationConfigProperty(propertyName = ActivationConfig.MAX_SESSION, propertyValue = "4")
        })
public class MessageDeliveryConsumer implements MessageListener {

    @EJB
    private MessageDeliveryService deliveries;

    @Override
    public void onMessage(Message job) {
        long messageId;
        try {
            messageId = job.getLongProperty(Destinations.MESSAGE_ID);
        } catch (JMSException | NumberFormatException e) {
            throw new EJBException("Unreadable message delivery job " + job, e);
        }
        deliveries.deliver(messageId);
    }
}
