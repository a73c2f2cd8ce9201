package org.parley.award;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import org.parley.messaging.Destinations;

/**
 * Queues badge checks. The context comes from the pooled XA connection factory, so a check sent inside a JTA
 * transaction reaches the queue only when that transaction commits: a check runs after its cause committed, and a
 * rolled-back vote queues nothing.
 */
@ApplicationScoped
public class BadgeJobs {

    @Inject
    @JMSConnectionFactory(Destinations.XA_CONNECTION_FACTORY)
    private JMSContext jms;

    @Resource(lookup = Destinations.BADGES_QUEUE)
    private Queue queue;

    /** Queues a check of user {@code userNumber} of site {@code siteId}, in the caller's transaction. */
    public void enqueue(long siteId, long userNumber) {
        Message job = jms.createMessage();
        try {
            job.setLongProperty(Destinations.BADGE_SITE_ID, siteId);
            job.setLongProperty(Destinations.BADGE_USER_NUMBER, userNumber);
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot build the badge check of user " + userNumber, e);
        }
        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, job);
    }
}
