package org.parley.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.Role;
import org.parley.site.Site;
import org.parley.user.PasswordHasher;
import org.parley.user.User;

/** The conversation inbox's rows: the latest message of each conversation, its side, unread count and order. */
class ConversationInboxTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    final Site site = withId(new Site("test.localhost", "test", "Test", "", T0), 1);
    final User ada = user("ada", 10);
    final User bo = user("bob", 11);
    final User cy = user("cyd", 12);
    final Conversation adaBo = withId(new Conversation(ada, bo, T0), 100);
    final Conversation adaCy = withId(new Conversation(cy, ada, T0), 101);
    long nextId = 1000;

    @Test
    void theNewerOfTwoIsTheLaterSentThenTheHigherId() {
        PrivateMessage early = message(adaBo, ada, bo, "early", T0);
        PrivateMessage late = message(adaBo, bo, ada, "late", T0.plusSeconds(5));
        assertSame(late, ConversationInbox.newer(early, late));
        assertSame(late, ConversationInbox.newer(late, early));
        PrivateMessage sameInstant = message(adaBo, ada, bo, "same instant, higher id", T0.plusSeconds(5));
        assertSame(sameInstant, ConversationInbox.newer(late, sameInstant));
        assertSame(sameInstant, ConversationInbox.newer(sameInstant, late));
    }

    @Test
    void oneRowPerConversationInThePagesOrderFromTheReadersSide() {
        PrivateMessage fromBo = message(adaBo, bo, ada, "<p>Riding on <strong>Sunday</strong>?</p>", T0);
        deliver(fromBo);
        PrivateMessage mineToCy = message(adaCy, ada, cy, "<p>See you at 9</p>", T0.plusSeconds(60));
        Map<Long, Long> counts = new LinkedHashMap<>();
        counts.put(adaCy.getId(), 1L); // the page's order: the latest conversation first
        counts.put(adaBo.getId(), 3L);

        List<ConversationSummary> rows = ConversationInbox.rows(
                ada.getId(), counts, Map.of(adaBo.getId(), fromBo, adaCy.getId(), mineToCy), Map.of(adaBo.getId(), 2L));

        assertEquals(2, rows.size());
        ConversationSummary cyRow = rows.get(0);
        assertEquals(adaCy.getId(), cyRow.conversationId());
        assertEquals("User cyd", cyRow.other().displayName(), "the other participant, though Ada sent the last one");
        assertTrue(cyRow.lastMine());
        assertEquals(MessageState.PENDING, cyRow.lastState());
        assertEquals(0, cyRow.unread(), "none unread where nothing was received");
        assertFalse(cyRow.hasUnread());
        assertEquals(1, cyRow.messages());

        ConversationSummary boRow = rows.get(1);
        assertEquals("User bob", boRow.other().displayName());
        assertFalse(boRow.lastMine());
        assertEquals("Riding on Sunday?", boRow.excerpt(), "plain text, no markup");
        assertEquals(2, boRow.unread());
        assertEquals(3, boRow.messages());
        assertEquals(fromBo.getId(), boRow.lastMessageId());
        assertEquals(T0, boRow.lastAt());
    }

    @Test
    void aConversationWhoseLatestMessageVanishedBetweenTheQueriesIsLeftOut() {
        Map<Long, Long> counts = new LinkedHashMap<>();
        counts.put(adaBo.getId(), 1L);
        assertEquals(List.of(), ConversationInbox.rows(ada.getId(), counts, Map.of(), Map.of()));
    }

    @Test
    void onlyTheRecipientReadsADeliveredMessageAndOnlyOnce() {
        PrivateMessage m = message(adaBo, ada, bo, "<p>hi</p>", T0);
        assertFalse(m.markReadBy(bo.getId()), "pending: not in the inbox yet");
        deliver(m);
        assertFalse(m.markReadBy(ada.getId()), "the sender does not read their own message");
        assertTrue(m.markReadBy(bo.getId()));
        assertTrue(m.isReadByRecipient());
        assertFalse(m.markReadBy(bo.getId()), "already read");
    }

    private PrivateMessage message(Conversation c, User from, User to, String html, Instant at) {
        return withId(new PrivateMessage(c, from, to, html, html, at), nextId++);
    }

    private static void deliver(PrivateMessage m) {
        assertTrue(m.deliver(m.getCreatedAt().plusSeconds(1)));
    }

    private User user(String name, long id) {
        return withId(
                new User(site, site.takeUserNumber(), name, "User " + name, PasswordHasher.UNUSABLE, Role.USER, T0),
                id);
    }

    /** Entities get their ids from the database; these never see one, so the test gives them theirs. */
    private static <T> T withId(T entity, long id) {
        try {
            Field f = entity.getClass().getDeclaredField("id");
            f.setAccessible(true);
            f.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
