package org.parley.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Actor;
import org.parley.common.Page;
import org.parley.common.Role;
import org.parley.notification.NotificationKind;
import org.parley.notification.NotificationService;
import org.parley.notification.NotificationView;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.ParleyDeployment;
import org.parley.user.UserService;

/**
 * The conversation inbox against the real database (one row per conversation, its latest message either way, unread
 * counts, deleted and pending messages), and reading kept in step both ways: opening a conversation reads its
 * messages' notifications, reading a message's notification reads the message, and every change moves the mailbox
 * stamp that pages poll with, once it committed: a reader in the meantime sees the committed counts under the stamp
 * they belong to, and a change that rolls back leaves both as they were.
 */
@ExtendWith(ArquillianExtension.class)
class MessageInboxIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(MessageInboxIT.class);
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
    NotificationService notifications;

    @Inject
    UserTransaction tx;

    @Resource
    ManagedExecutorService executor;

    Actor ada;
    Actor bo;
    Actor cy;
    Actor dora;

    @BeforeEach
    void freshSite() {
        String name = ParleyDeployment.unique("pmi");
        SiteInfo site = sites.ensureSite(name + ".localhost", name, "Inbox " + name, "A site for one test");
        for (String u : List.of("ada", "bob", "cyd", "dora")) {
            users.createUser(site.id(), u, "User " + u, "correct-horse-battery", Role.USER);
        }
        ada = users.actorFor(site.id(), "ada").orElseThrow();
        bo = users.actorFor(site.id(), "bob").orElseThrow();
        cy = users.actorFor(site.id(), "cyd").orElseThrow();
        dora = users.actorFor(site.id(), "dora").orElseThrow();
    }

    @Test
    void oneRowPerConversationWithItsLatestMessageAndUnreadCount() throws Exception {
        SentMessage b1 = delivered(bo, "ada", "First from Bo");
        delivered(bo, "ada", "Second from Bo");
        delivered(cy, "ada", "Hello from Cy");
        SentMessage a1 = delivered(ada, "bob", "Ada answers **Bo** last");
        messages.send(ada, "dora", "Not delivered yet"); // pending: Ada sees it, Dora does not

        Page<ConversationSummary> inbox = messages.conversations(ada, 1);
        assertEquals(3, inbox.total(), "Bo, Cy, Dora: one row each, not one per message");
        List<ConversationSummary> rows = inbox.items();
        assertEquals(
                List.of("User dora", "User bob", "User cyd"),
                rows.stream().map(r -> r.other().displayName()).toList(),
                "the latest conversation first");

        ConversationSummary dora0 = rows.get(0);
        assertTrue(dora0.lastMine());
        assertEquals(MessageState.PENDING, dora0.lastState());
        assertEquals(0, dora0.unread());

        ConversationSummary withBo = rows.get(1);
        assertEquals(b1.conversationId(), withBo.conversationId());
        assertEquals(a1.id(), withBo.lastMessageId(), "the latest message, Ada's own reply");
        assertTrue(withBo.lastMine());
        assertEquals("Ada answers Bo last", withBo.excerpt());
        assertEquals(MessageState.DELIVERED, withBo.lastState());
        assertEquals(2, withBo.unread(), "Bo's two, unread though Ada replied");
        assertEquals(3, withBo.messages());

        ConversationSummary withCy = rows.get(2);
        assertFalse(withCy.lastMine());
        assertEquals(1, withCy.unread());
        assertEquals("Hello from Cy", withCy.excerpt());

        // Dora sees nothing pending; Bo sees the conversation from his side.
        assertEquals(0, messages.conversations(dora, 1).total());
        ConversationSummary bosView = messages.conversations(bo, 1).items().get(0);
        assertEquals("User ada", bosView.other().displayName());
        assertFalse(bosView.lastMine());
        assertEquals(1, bosView.unread());

        // Opening reads; deleting every message of a conversation for oneself drops its row.
        messages.conversation(ada, withBo.conversationId());
        assertEquals(0, messages.conversations(ada, 1).items().get(1).unread());
        ConversationDetail cyConversation = messages.conversation(ada, withCy.conversationId());
        cyConversation.messages().forEach(m -> messages.deleteForMe(ada, m.id()));
        assertEquals(2, messages.conversations(ada, 1).total());
        assertEquals(1, messages.conversations(cy, 1).total(), "Cy keeps theirs");
    }

    @Test
    void aPageHoldsTwentyConversationsAndTheRestFollow() throws Exception {
        for (int i = 0; i < MessageService.PAGE_SIZE + 1; i++) {
            String u = "user" + i;
            users.createUser(ada.siteId(), u, "User " + u, "correct-horse-battery", Role.USER);
            delivered(users.actorFor(ada.siteId(), u).orElseThrow(), "ada", "Hello number " + i);
        }
        Page<ConversationSummary> first = messages.conversations(ada, 1);
        assertEquals(MessageService.PAGE_SIZE + 1, first.total());
        assertEquals(MessageService.PAGE_SIZE, first.items().size());
        assertEquals("User user20", first.items().get(0).other().displayName());
        Page<ConversationSummary> second = messages.conversations(ada, 2);
        assertEquals(
                List.of("User user0"),
                second.items().stream().map(r -> r.other().displayName()).toList());
    }

    @Test
    void openingTheConversationReadsItsNotificationsOnly() throws Exception {
        SentMessage one = delivered(ada, "bob", "One");
        delivered(ada, "bob", "Two");
        delivered(cy, "bob", "From someone else");
        assertEquals(3, notifications.state(bo.userId()).unread());
        assertEquals(3, messages.unreadCount(bo));
        String before = messages.mailbox(bo).stamp();

        messages.conversation(bo, one.conversationId());

        assertEquals(1, messages.unreadCount(bo));
        assertEquals(1, notifications.state(bo.userId()).unread(), "the bell agrees with the inbox");
        List<NotificationView> all = notifications.list(bo, 1, 10).items();
        assertEquals(
                List.of(false, true, true),
                all.stream().map(NotificationView::read).toList(),
                "Cy's (newest) stays unread, Ada's two are read: " + all);
        assertNotEquals(before, messages.mailbox(bo).stamp(), "reading moved the stamp polling pages compare");
        messages.conversation(bo, one.conversationId());
        assertEquals(1, notifications.state(bo.userId()).unread(), "opening again changes nothing");
    }

    @Test
    void readingAMessagesNotificationReadsTheMessage() throws Exception {
        SentMessage one = delivered(ada, "bob", "One");
        SentMessage two = delivered(ada, "bob", "Two");
        delivered(cy, "bob", "Three");
        List<NotificationView> all = notifications.list(bo, 1, 10).items();
        NotificationView forOne = all.get(2);
        assertEquals(NotificationKind.MESSAGE, forOne.kind());
        assertEquals("/messages/" + one.conversationId(), forOne.link());

        assertEquals(2, notifications.markRead(bo, forOne.seq()).unread());
        assertEquals(2, messages.unreadCount(bo), "that one message is read, not its whole conversation");
        assertEquals(
                1,
                messages.conversations(bo, 1).items().stream()
                        .filter(c -> c.conversationId() == two.conversationId())
                        .findFirst()
                        .orElseThrow()
                        .unread());
        assertEquals(2, notifications.state(bo.userId()).unread(), "counted once");

        assertEquals(0, notifications.markAllRead(bo).unread());
        assertEquals(0, messages.unreadCount(bo), "marking all notifications read reads their messages");
        assertTrue(messages.conversations(bo, 1).items().stream().noneMatch(ConversationSummary::hasUnread));
    }

    @Test
    void deliveryMovesBothSidesStamps() throws Exception {
        String adaBefore = messages.mailbox(ada).stamp();
        // Read before sending: the background worker may deliver the message before this thread looks again.
        String boBefore = messages.mailbox(bo).stamp();
        SentMessage sent = messages.send(ada, "bob", "Stamp me");
        String adaAfterSend = messages.mailbox(ada).stamp();
        assertNotEquals(adaBefore, adaAfterSend, "the sender's other pages show the new message");
        boolean deliveredAlready = inInbox(bo, sent);
        deliveries.deliver(sent.id());
        awaitDelivered(bo, sent);
        awaitStampMoved(bo, boBefore); // when the worker delivered, its commit may still be renewing the stamps
        if (!deliveredAlready) {
            // Only meaningful when the worker had not delivered it before the stamp after sending was read.
            awaitStampMoved(ada, adaAfterSend); // the sender's "sending…" must change
        }
        assertEquals(1, messages.mailbox(bo).unread());
    }

    @Test
    void aReadThatRollsBackLeavesTheCountAndTheStampAsTheyWere() throws Exception {
        SentMessage sent = delivered(ada, "bob", "Still unread after a rollback");
        MailboxState before = messages.mailbox(bo);
        assertEquals(1, before.unread());
        tx.begin();
        try {
            messages.conversation(bo, sent.conversationId());
        } finally {
            tx.rollback();
        }
        assertEquals(before, messages.mailbox(bo), "nothing was read, nothing moved");
        assertTrue(messages.recentHtml(bo).contains("recent-message unread"), "the widget shows it unread");
        assertEquals(1, notifications.state(bo.userId()).unread());
    }

    @Test
    void othersSeeTheCommittedCountsWhileAReadIsUnderWayAndTheNewOnesOnceItCommits() throws Exception {
        SentMessage sent = delivered(ada, "bob", "Read me");
        MailboxState before = messages.mailbox(bo);
        assertTrue(messages.recentHtml(bo).contains("recent-message unread"));
        tx.begin();
        try {
            messages.conversation(bo, sent.conversationId());
            // Another request meanwhile (a long-poll of Bo's phone): what is committed, under the stamp it belongs to.
            // Were the new stamp visible now, that request would load the old count under it and keep it.
            MailboxState during = executor.submit(() -> messages.mailbox(bo)).get(10, TimeUnit.SECONDS);
            assertEquals(before, during, "the committed count and its stamp");
        } catch (Exception | AssertionError e) {
            tx.rollback();
            throw e;
        }
        tx.commit();
        MailboxState after = messages.mailbox(bo);
        assertEquals(0, after.unread());
        assertNotEquals(before.stamp(), after.stamp(), "the stamp moved with the commit");
        assertFalse(messages.recentHtml(bo).contains("unread"), "the widget is rendered again, read");
    }

    /**
     * Sends and delivers at once (the worker may beat this call to it; delivery is idempotent either way), then waits
     * until the recipient's stamp moved: when the worker delivered, its commit may still be renewing the stamp.
     */
    private SentMessage delivered(Actor from, String to, String body) throws InterruptedException {
        Actor recipient = users.actorFor(from.siteId(), to).orElseThrow();
        String before = messages.mailbox(recipient).stamp();
        SentMessage sent = messages.send(from, to, body);
        deliveries.deliver(sent.id());
        awaitStampMoved(recipient, before);
        return sent;
    }

    private void awaitStampMoved(Actor user, String before) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (before.equals(messages.mailbox(user).stamp())) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the mailbox stamp did not move in 10 s");
            }
            Thread.sleep(10);
        }
    }

    private boolean inInbox(Actor recipient, SentMessage sent) {
        return messages.inbox(recipient, 1).items().stream().anyMatch(m -> m.id() == sent.id());
    }

    private void awaitDelivered(Actor recipient, SentMessage sent) {
        long until = System.nanoTime() + 10_000_000_000L;
        while (messages.inbox(recipient, 1).items().stream().noneMatch(m -> m.id() == sent.id())) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not delivered in 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
