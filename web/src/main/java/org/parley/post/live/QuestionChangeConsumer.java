package org.parley.post.live;

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
 * One per server (a non-durable subscription each), in the WAR because the question sockets live here: hands every
 * committed change, this server's own and the others', to {@link LiveQuestions}. An unreadable message is thrown so
 * Artemis redelivers.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = ActivationConfig.DESTINATION_LOOKUP,
                    propertyValue = Destinations.EVENTS_TOPIC),
            @ActivationConfigProperty(
                    propertyName = ActivationConfig.DESTINATION_TYPE,
                    propertyValue = ActivationConfig.TOPIC),
            @ActivationConfigProperty(propertyName = ActivationConfig.MAX_SESSION, propertyValue = "2")
        })
public class QuestionChangeConsumer implements MessageListener {

    @Inject
    private LiveQuestions live;

    @Override
    public void onMessage(Message message) {
        try {
            live.deliver(QuestionChange.of((MapMessage) message));
        } catch (JMSException | ClassCastException e) {
            throw new EJBException("Unreadable change event " + message, e);
        }
    }
}
