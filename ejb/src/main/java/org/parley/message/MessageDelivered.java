package org.parley.message;

import java.util.Objects;

/**
 * Fired as a CDI event inside the transaction that delivers a private message to its recipient's inbox, exactly once
 * per message (a redelivered job finds the message delivered and fires nothing). Observers that write (the
 * recipient's notification) do so in that transaction with a plain {@code @Observes}; observers that talk to browsers
 * use {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}.
 *
 * @param siteId the site both users belong to
 * @param messageId the message's global id
 * @param conversationId the conversation it belongs to, for the link to it
 * @param senderId the sender's user id
 * @param senderName the sender's display name, as shown in a notification
 * @param recipientId the recipient's user id
 * @param excerpt the start of the body as plain text (no markup), at most 140 characters
 */
public record MessageDelivered(
        long siteId,
        long messageId,
        long conversationId,
        long senderId,
        String senderName,
        long recipientId,
        String excerpt) {

    public MessageDelivered {
        Objects.requireNonNull(senderName, "senderName");
        Objects.requireNonNull(excerpt, "excerpt");
    }
}
