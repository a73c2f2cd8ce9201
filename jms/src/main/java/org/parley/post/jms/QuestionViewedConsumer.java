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
import org.parley.post.QuestionService;

/**
 * Adds one view to a question. A failure is thrown, not logged and dropped, so the transaction rolls back and Artemis
 * redelivers with back-off and finally dead-letters (see install-jms-destinations.cli).
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = ActivationConfig.DESTINATION_LOOKUP,
                    propertyValue = Destinations.VIEWS_QUEUE),
            @ActivationConfigProperty(
                    propertyName = ActivationConfig.DESTINATION_TYPE,
                    propertyValue = ActivationConfig.QUEUE),
            @ActivationConfigProperty(propertyName = ActivationConfig.MAX_SESSION, propertyValue = "2")
        })
public class QuestionViewedConsumer implements MessageListener {

    @EJB
    private QuestionService questions;

    @Override
    public void onMessage(Message message) {
        try {
            MapMessage view = (MapMessage) message;
            questions.recordView(
                    view.getLong(Destinations.VIEW_SITE_ID), view.getLong(Destinations.VIEW_QUESTION_NUMBER));
        } catch (JMSException | ClassCastException e) {
            throw new EJBException("Unreadable view message " + message, e);
        }
    }
}
