package org.parley.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.messaging.Destinations;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.ParleyDeployment;
import org.parley.user.UserService;

/**
 * Delivery through the real queue, MDB, database and shared cache: a sent message reaches the inbox once, a
 * duplicate job changes nothing, a delivery that keeps failing ends in the dead-letter queue after five attempts,
 * and retry and discard from there work.
 */
@ExtendWith(ArquillianExtension.class)
class MessageDeliveryIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.withEjbBeans(ParleyDeployment.ear(MessageDeliveryIT.class), DeliveryRecorder.class);
    }

    @EJB
    SiteService sites;

    @EJB
    UserService users;

    @EJB
    MessageService messages;

    @EJB
    MessageDeliveryService deliveries;

    @EJB
    DeadLetterService deadLetters;

    @EJB
    OutboxSweeper sweeper;

    @Inject
    MessageJobs jobs;

    @Inject
    DeliveryRecorder recorder;

    @Inject
    JMSContext jms;

    SiteInfo site;
    Actor ada;
    Actor bo;
    Actor admin;
    Actor siteAdmin;

    @BeforeEach
    void freshSite() {
        String name = ParleyDeployment.unique("pm");
        site = sites.ensureSite(name + ".localhost", name, "Messages " + name, "A site for one test");
        users.createUser(site.id(), "ada", "Ada Sender", "correct-horse-battery", Role.USER);
        users.createUser(site.id(), "bob", "Bo Recipient", "correct-horse-battery", Role.USER);
        users.createUser(site.id(), "boss", "The Admin", "correct-horse-battery", Role.ADMIN);
        ada = users.actorFor(site.id(), "ada").orElseThrow();
        bo = users.actorFor(site.id(), "bob").orElseThrow();
        siteAdmin = users.actorFor(site.id(), "boss").orElseThrow();
        // Dead letters hold every site's messages: the server's admins' (admins of localhost), not a site's.
        admin = users.actorFor(sites.findByHost("localhost").orElseThrow().id(), "admin")
                .orElseThrow();
    }

    @Test
    void aSentMessageIsDeliveredOnceToTheInboxAndTheWidget() throws Exception {
        SentMessage sent = messages.send(ada, "Bob", "Hello **Bo**, are you coming on Sunday?");
        assertEquals(MessageState.PENDING, sent.state());
        // The count moves once the delivery committed and renewed Bo's stamp, just after the event's observers ran.
        awaitTrue(() -> recorder.committed(sent.id()) == 1 && messages.unreadCount(bo) == 1, "delivered within 10 s");

        var inbox = messages.inbox(bo, 1);
        assertEquals(1, inbox.total());
        MessageSummary row = inbox.items().get(0);
        assertEquals(sent.id(), row.id());
        assertEquals("Ada Sender", row.other().displayName());
        assertTrue(row.unread());
        assertEquals(MessageState.DELIVERED, row.state());
        assertEquals(1, messages.unreadCount(bo));
        String widget = messages.recentHtml(bo);
        assertTrue(widget.contains("Ada Sender") && widget.contains("Hello Bo, are you coming on Sunday?"), widget);
        assertTrue(widget.contains("recent-message unread"), widget);
        assertTrue(widget.contains("href=\"/messages/" + sent.conversationId() + "\""), widget);

        // The sender sees it as delivered; the recipient opening the conversation reads it.
        assertEquals(
                MessageState.DELIVERED, messages.sent(ada, 1).items().get(0).state());
        ConversationDetail seen = messages.conversation(bo, sent.conversationId());
        assertEquals(1, seen.messages().size());
        assertTrue(seen.messages().get(0).bodyHtml().contains("<strong>Bo</strong>"));
        assertEquals(0, messages.unreadCount(bo));
        assertFalse(messages.recentHtml(bo).contains("unread"), "the widget was re-rendered as read");
        assertEquals(new OutboxCounts(0, 1, 0), messages.outbox(ada));
    }

    @Test
    void deliveringTheSameJobAgainChangesNothing() throws Exception {
        SentMessage sent = messages.send(ada, "bob", "Only once, please.");
        awaitTrue(() -> recorder.committed(sent.id()) == 1, "delivered within 10 s");

        // The same job, twice more, through the queue and the MDB; and twice straight into the service.
        jobs.enqueue(sent.id());
        jobs.enqueue(sent.id());
        assertFalse(deliveries.deliver(sent.id()));
        assertFalse(deliveries.deliver(sent.id()));
        Thread.sleep(3000);

        assertEquals(1, recorder.committed(sent.id()), "one event");
        assertEquals(1, recorder.attempts(sent.id()), "the event fired once, redeliveries found it delivered");
        assertEquals(1, messages.inbox(bo, 1).total(), "one inbox row");
        assertEquals(1, messages.unreadCount(bo));
    }

    @Test
    void failingDeliveriesAreDeadLetteredAfterFiveAttemptsThenRetriedOrDiscarded() throws Exception {
        recorder.failFor(bo.userId());
        SentMessage first = messages.send(ada, "bob", "This one will be retried.");
        SentMessage second = messages.send(ada, "bob", "This one will be discarded.");

        // Five attempts, 1 + 2 + 4 + 8 s apart, then the dead-letter queue.
        awaitTrue(() -> dead(first.id()).isPresent() && dead(second.id()).isPresent(), "dead-lettered within 40 s", 40);
        assertEquals(5, recorder.attempts(first.id()), "five attempts");
        assertEquals(5, recorder.attempts(second.id()), "five attempts");
        assertEquals(0, recorder.committed(first.id()));
        assertEquals(0, messages.inbox(bo, 1).total(), "nothing reached the inbox");
        assertEquals(new OutboxCounts(2, 0, 0), messages.outbox(ada));

        // The sweeper leaves dead-lettered jobs to the admin, even long after.
        sweeper.sweep(Instant.now().plusSeconds(600));
        Thread.sleep(2000);
        assertEquals(5, recorder.attempts(first.id()), "not re-queued by the sweeper");

        recorder.stopFailing(bo.userId());
        assertThrowsNotAllowed(
                () -> deadLetters.retry(bo, dead(first.id()).orElseThrow().jobId()));
        assertThrowsNotAllowed(() -> deadLetters.list(siteAdmin));
        deadLetters.retry(admin, dead(first.id()).orElseThrow().jobId());
        deadLetters.discard(admin, dead(second.id()).orElseThrow().jobId());

        awaitTrue(() -> recorder.committed(first.id()) == 1, "the retried job delivered");
        assertTrue(dead(first.id()).isEmpty() && dead(second.id()).isEmpty(), "both left the dead-letter queue");
        Thread.sleep(1000);
        assertEquals(0, recorder.attempts(second.id()) - 5, "the discarded one was never tried again");
        var inbox = messages.inbox(bo, 1);
        assertEquals(
                List.of(first.id()),
                inbox.items().stream().map(MessageSummary::id).toList());
        assertEquals(new OutboxCounts(0, 1, 1), messages.outbox(ada));
    }

    @Test
    void theOutboxSweeperQueuesAgainAMessageWhoseJobWasLost() throws Exception {
        // Lose a job: let it dead-letter, then take it out of the dead-letter queue behind Parley's back, as a lost
        // journal or a crash between the two commits would. The message stays pending with no job anywhere.
        recorder.failFor(bo.userId());
        SentMessage sent = messages.send(ada, "bob", "Lost job, found by the sweeper.");
        awaitTrue(() -> dead(sent.id()).isPresent(), "dead-lettered within 40 s", 40);
        Queue dlq = (Queue) new InitialContext().lookup(Destinations.MESSAGES_DEAD_QUEUE);
        try (JMSConsumer c = jms.createConsumer(dlq, Destinations.MESSAGE_ID + " = " + sent.id())) {
            assertTrue(c.receive(5000) != null, "took the job");
        }
        recorder.stopFailing(bo.userId());
        assertEquals(new OutboxCounts(1, 0, 0), messages.outbox(ada));

        assertEquals(0, sweeper.sweep(Instant.now()), "not stale yet: left alone");
        assertTrue(sweeper.sweep(Instant.now().plusSeconds(61)) >= 1, "stale: queued again");
        awaitTrue(() -> recorder.committed(sent.id()) == 1, "delivered by the new job");
        assertEquals(new OutboxCounts(0, 1, 0), messages.outbox(ada));
    }

    private Optional<DeadLetter> dead(long messageId) {
        return deadLetters.list(admin).stream()
                .filter(d -> d.messageId() == messageId)
                .findFirst();
    }

    private static void assertThrowsNotAllowed(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t.getCause() != null && !(t instanceof org.parley.rules.NotAllowedException)) {
                t = t.getCause();
            }
            assertTrue(t instanceof org.parley.rules.NotAllowedException, e.toString());
            return;
        }
        throw new AssertionError("a non-admin retried a dead-lettered job");
    }

    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        awaitTrue(condition, what, 10);
    }

    static void awaitTrue(BooleanSupplier condition, String what, int seconds) throws InterruptedException {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Not " + what);
    }
}
