package org.parley.post;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.messaging.Destinations;

/**
 * Counts question views off the request path: a page view sends one small message and the row update happens in an
 * MDB, so reading a page never waits on (or contends for) a write lock on the question row.
 */
@Stateless
public class ViewCounter {

    private static final Logger log = Logger.getLogger(ViewCounter.class.getName());

    @Inject
    private JMSContext jms;

    @Resource(lookup = Destinations.VIEWS_QUEUE)
    private Queue views;

    /**
     * Queues one view of question {@code number} on site {@code siteId}. A broker failure costs one view, not the page:
     * it is logged and the page is served.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void countView(long siteId, long number) {
        try {
            MapMessage message = jms.createMapMessage();
            message.setLong(Destinations.VIEW_SITE_ID, siteId);
            message.setLong(Destinations.VIEW_QUESTION_NUMBER, number);
            jms.createProducer().send(views, message);
        } catch (JMSRuntimeException | JMSException e) {
            log.log(Level.WARNING, "Could not queue a view of question {0}: {1}", new Object[] {number, e});
        }
    }
}
