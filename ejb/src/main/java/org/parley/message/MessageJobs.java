package org.parley.message;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import org.parley.messaging.Destinations;

/**
 * Queues delivery jobs. The context comes from the pooled XA connection factory, so a job sent inside a JTA
 * transaction reaches the queue only if that transaction commits, together with the database rows it wrote.
 */
@ApplicationScoped
public class MessageJobs {

    @Inject
    @JMSConnectionFactory(Destinations.XA_CONNECTION_FACTORY)
    private JMSContext jms;

    @Resource(lookup = Destinations.MESSAGES_QUEUE)
    private Queue queue;

    /** Queues the delivery of message {@code messageId} in the caller's transaction. */
    public void enqueue(long messageId) {
        Message job = jms.createMessage();
        try {
            job.setLongProperty(Destinations.MESSAGE_ID, messageId);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException("Cannot build the delivery job of message " + messageId, e);
        }
        jms.createProducer()
                .setDeliveryMode(jakarta.jms.DeliveryMode.PERSISTENT)
                .send(queue, job);
    }
}
