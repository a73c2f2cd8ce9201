/**
 * Private user-to-user messages: conversations, inbox and sent folders, blocks and sending limits, and their delivery
 * as a background job on Artemis (pending → delivered, idempotent by message id).
 *
 * <h2>Stored and queued atomically: XA plus an outbox sweeper</h2>
 *
 * {@link org.parley.message.MessageService#send} inserts the message as {@code PENDING} and sends its delivery job
 * through the pooled {@code java:/JmsXA} connection factory in the same JTA transaction: the job reaches the
 * {@code ParleyMessages} queue only if the row commits, and a rolled-back send leaves neither. XA alone leaves one
 * gap: the H2/PostgreSQL datasource is not an XA resource, so Narayana commits it as the last resource before it
 * logs the decision and commits the broker's branch; a crash in between keeps the row and loses the job. The
 * {@link org.parley.message.OutboxSweeper} (an EJB timer every 10 s) closes that gap and any other lost job (a lost
 * journal, a job removed by hand): messages pending more than 60 s after their job was queued get a new job. A
 * duplicate job costs nothing because {@link org.parley.message.MessageDeliveryService#deliver} locks the row and
 * delivers only a pending message. A pure outbox (a poller sending every row) would add up to one poll interval of
 * latency to every message; XA keeps the normal path immediate and leaves the sweeper for the rare loss.
 *
 * <h2>Delivery</h2>
 *
 * {@code MessageDeliveryConsumer} (jms module, delivery group {@code parley-worker}) hands each job to {@link
 * org.parley.message.MessageDeliveryService}, which marks the message delivered (the row is the recipient's inbox
 * entry), re-renders the recipient's recent-messages widget into the shared cache ({@link
 * org.parley.message.RecentMessages}), fires {@link org.parley.message.MessageDelivered} and writes the message's
 * search document, all in the transaction that consumes the job. A failure rolls it back; Artemis redelivers after
 * 1, 2, 4 and 8 s and after five attempts moves the job to {@code ParleyMessagesDead}, which {@link
 * org.parley.message.DeadLetterService} lists for the admin page with retry and discard.
 *
 * <h2>Reading, and what open pages are told</h2>
 *
 * The inbox lists conversations ({@link org.parley.message.MessageService#conversations}, one row each). Marking
 * messages read fires {@link org.parley.message.MessagesRead}, on which the notifications mark the messages'
 * notifications read in the same transaction. Every change a user would see (sent, delivered, read, deleted) fires
 * {@link org.parley.message.MailboxChanged} and moves the user's stamp ({@link org.parley.message.Mailboxes}); the
 * notifications fan it out to the user's open pages after the commit.
 *
 * <h2>Search</h2>
 *
 * Delivered messages are indexed by Hibernate Search ({@link org.parley.message.PrivateMessage}'s mapping, {@link
 * org.parley.message.DeliveredOnlyBinder}); {@link org.parley.message.PrivateMessageSearch} finds a user's own,
 * {@link org.parley.message.MessageIndex} fills an empty index at start-up and rebuilds it for admins.
 */
package org.parley.message;
