package org.parley.message;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.parley.metrics.RequestTimings;
import org.parley.metrics.RequestTimings.Kind;
import org.parley.rules.NotFoundException;

/**
 * Delivers a private message to its recipient's inbox: the work of one delivery job. Idempotent, keyed by the
 * message id: the message row is locked and delivered only while pending, so a redelivered or duplicate job (the
 * outbox sweeper may queue one more) finds it delivered and does nothing. Any failure propagates, the transaction
 * (including the JMS receipt) rolls back, and Artemis redelivers with back-off and finally dead-letters the job.
 */
@Stateless
public class MessageDeliveryService {

    private static final Logger log = Logger.getLogger(MessageDeliveryService.class.getName());

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private Event<MessageDelivered> delivered;

    @Inject
    private Mailboxes mailboxes;

    /**
     * Delivers message {@code messageId}: marks it delivered, fires {@link MessageDelivered}, records the change of
     * both participants' mailboxes ({@link Mailboxes}: new stamps and {@link MailboxChanged} once it commits) and adds
     * it to the search index, all in this transaction.
     *
     * @return true if this call delivered it, false if it was already delivered (or discarded)
     * @throws NotFoundException when no such message exists (the job is bad; it ends in the dead-letter queue)
     */
    public boolean deliver(long messageId) {
        PrivateMessage message = em.find(PrivateMessage.class, messageId, LockModeType.PESSIMISTIC_WRITE);
        if (message == null) {
            throw new NotFoundException("No private message " + messageId + " to deliver.");
        }
        if (!message.deliver(Instant.now())) {
            log.log(Level.FINE, "Message {0} is {1} already; nothing to do", new Object[] {messageId, message.getState()
            });
            return false;
        }
        long siteId = message.getSite().getId();
        long recipientId = message.getRecipient().getId();
        delivered.fire(new MessageDelivered(
                siteId,
                messageId,
                message.getConversation().getId(),
                message.getSender().getId(),
                message.getSender().getDisplayName(),
                recipientId,
                MessageRules.excerpt(message.getBodyHtml())));
        // Both sides' open pages change: the recipient's inbox and count, the sender's "sending…".
        long conversationId = message.getConversation().getId();
        mailboxes.inboxChanged(siteId, recipientId, conversationId);
        mailboxes.outboxChanged(siteId, message.getSender().getId(), conversationId);
        index(message);
        return true;
    }

    /**
     * Writes the message's document now, last, instead of after the commit as Hibernate Search would by itself: an
     * index that cannot be written then fails the delivery, which rolls back and is retried like any other failure,
     * instead of leaving a delivered message nobody can find. Only the commit itself can still fail after this; the
     * document then says delivered a little early, and the redelivery that follows delivers the message and writes the
     * same document (keyed by message id) again.
     */
    private void index(PrivateMessage message) {
        try (var step = RequestTimings.step(Kind.SEARCH)) {
            em.flush(); // hands the state change to the indexing plan, so the commit has nothing left to index
            SearchSession search = Search.session(em);
            search.indexingPlan().addOrUpdate(message);
            search.indexingPlan().execute();
        }
    }
}
