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

  @Inject private RecentMessages recent;
  @Inject private Event<MessageDelivered> delivered;

  /**
   * Delivers message {@code messageId}: marks it delivered, re-renders the recipient's recent-messages widget into
   * the shared cache and fires {@link MessageDelivered}, all in this transaction.
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
      log.log(Level.FINE, "Message {0} is {1} already; nothing to do", new Object[] {messageId, message.getState()});
      return false;
    }
    long siteId = message.getSite().getId();
    long recipientId = message.getRecipient().getId();
    recent.refresh(siteId, recipientId);
    delivered.fire(
        new MessageDelivered(
            siteId,
            messageId,
            message.getConversation().getId(),
            message.getSender().getId(),
            message.getSender().getDisplayName(),
            recipientId,
            MessageRules.excerpt(message.getBodyHtml())));
    return true;
  }
}
