package org.parley.award.jms;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.parley.award.BadgeAwardService;
import org.parley.messaging.ActivationConfig;
import org.parley.messaging.Destinations;

/**
 * Runs one badge check per job. A failure is thrown, never logged and dropped: the transaction (with the JMS receipt)
 * rolls back, Artemis redelivers after 1, 2, 4, 8 s and after five attempts moves the job to the dead-letter queue
 * (wildfly-config/install-badge-queues.cli). The check is idempotent, so a redelivered job awards nothing twice.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = ActivationConfig.DESTINATION_LOOKUP,
                    propertyValue = Destinations.BADGES_QUEUE),
            @ActivationConfigProperty(
                    propertyName = ActivationConfig.DESTINATION_TYPE,
                    propertyValue = ActivationConfig.QUEUE),
            @ActivationConfigProperty(propertyName = ActivationConfig.MAX_SESSION, propertyValue = "2")
        })
public class BadgeCheckConsumer implements MessageListener {

    @EJB
    private BadgeAwardService awards;

    @Override
    public void onMessage(Message job) {
        long siteId;
        long userNumber;
        try {
            siteId = job.getLongProperty(Destinations.BADGE_SITE_ID);
            userNumber = job.getLongProperty(Destinations.BADGE_USER_NUMBER);
        } catch (JMSException | NumberFormatException e) {
            throw new EJBException("Unreadable badge check " + job, e);
        }
        awards.check(siteId, userNumber);
    }
}
