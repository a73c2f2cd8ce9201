package org.parley.post.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveQuestionsTest {

    private static final LiveQuestions.Key Q = new LiveQuestions.Key(1, 10);

    /** A socket that records what it is sent. */
    private static Session socket(List<String> sent) {
        Map<String, Object> properties = new HashMap<>();
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(
                LiveQuestionsTest.class.getClassLoader(), new Class<?>[] {RemoteEndpoint.Async.class}, (p, m, a) -> {
                    if (m.getName().equals("sendText") && a.length == 1) {
                        sent.add((String) a[0]);
                    }
                    return null;
                });
        return (Session) Proxy.newProxyInstance(
                LiveQuestionsTest.class.getClassLoader(),
                new Class<?>[] {Session.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getUserProperties" -> properties;
                    case "isOpen" -> true;
                    case "getAsyncRemote" -> remote;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    default -> null;
                });
    }

    @Test
    void aChangeGoesOnceToEachSocketOfItsQuestionOnly() {
        LiveQuestions live = new LiveQuestions();
        List<String> watcher = new ArrayList<>();
        List<String> other = new ArrayList<>();
        assertNull(live.watch(Q, "10.0.0.1", socket(watcher)));
        assertNull(live.watch(new LiveQuestions.Key(1, 11), "10.0.0.1", socket(other)));
        live.deliver(new QuestionChange(1, 10, 12, "ANSWERED"));
        live.deliver(new QuestionChange(2, 10, 13, "ANSWERED")); // another site's question 10
        assertEquals(1, watcher.size());
        assertTrue(watcher.get(0).matches("\\{\"kind\":\"ANSWERED\",\"post\":12,\"v\":[0-9]+}"), watcher.get(0));
        assertTrue(other.isEmpty());
    }

    @Test
    void askedAndLinkedAreNotSent() {
        LiveQuestions live = new LiveQuestions();
        List<String> sent = new ArrayList<>();
        live.watch(Q, "10.0.0.1", socket(sent));
        live.deliver(new QuestionChange(1, 10, 10, "ASKED"));
        live.deliver(new QuestionChange(1, 10, 10, "LINKED"));
        assertTrue(sent.isEmpty());
        assertTrue(live.since(Q, 1).changes().isEmpty());
    }

    @Test
    void changesSinceAVersionInOrder() {
        LiveQuestions live = new LiveQuestions();
        long start = live.since(Q, 0).version();
        live.deliver(new QuestionChange(1, 10, 12, "ANSWERED"));
        live.deliver(new QuestionChange(1, 10, 12, "VOTED"));
        LiveQuestions.Changes all = live.since(Q, start);
        assertEquals(
                List.of("ANSWERED", "VOTED"),
                all.changes().stream().map(LiveQuestions.Change::kind).toList());
        assertFalse(all.reset());
        assertTrue(all.changes().get(0).v() < all.changes().get(1).v(), "versions increase");
        assertTrue(all.version() >= all.changes().get(1).v());
        LiveQuestions.Changes after = live.since(Q, all.changes().get(0).v());
        assertEquals(1, after.changes().size());
        assertTrue(live.since(Q, all.version()).changes().isEmpty());
    }

    @Test
    void tooOldAVersionAsksForAReset() {
        LiveQuestions live = new LiveQuestions();
        long start = live.since(Q, 0).version();
        for (int i = 0; i < LiveQuestions.RECENT_PER_QUESTION + 5; i++) {
            live.deliver(new QuestionChange(1, 10, 12, "VOTED"));
        }
        LiveQuestions.Changes changes = live.since(Q, start);
        assertTrue(changes.reset());
        assertEquals(LiveQuestions.RECENT_PER_QUESTION, changes.changes().size());
    }

    @Test
    void oneAddressHasAtMostItsShareAndGetsItBack() {
        LiveQuestions live = new LiveQuestions();
        List<Session> open = new ArrayList<>();
        for (int i = 0; i < LiveQuestions.MAX_PER_ADDRESS; i++) {
            Session s = socket(new ArrayList<>());
            assertNull(live.watch(Q, "10.0.0.1", s));
            open.add(s);
        }
        assertEquals(LiveQuestions.Refusal.ADDRESS_FULL, live.watch(Q, "10.0.0.1", socket(new ArrayList<>())));
        assertNull(live.watch(Q, "10.0.0.2", socket(new ArrayList<>())), "another address is not held up");
        live.unwatch(open.get(0));
        live.unwatch(open.get(0)); // twice: counted once
        assertNull(live.watch(Q, "10.0.0.1", socket(new ArrayList<>())));
        assertEquals(LiveQuestions.Refusal.ADDRESS_FULL, live.watch(Q, "10.0.0.1", socket(new ArrayList<>())));
        assertEquals(LiveQuestions.MAX_PER_ADDRESS + 1, live.sockets());
    }

    @Test
    void theFilterReadsOnlyAQuestionNumberAndSameOrigin() {
        assertEquals(123, QuestionWatchFilter.number("/push/questions/123"));
        assertEquals(-1, QuestionWatchFilter.number("/push/questions/"));
        assertEquals(-1, QuestionWatchFilter.number("/push/questions/12/x"));
        assertEquals(-1, QuestionWatchFilter.number("/push/questions/1234567890123456789"));
        assertEquals(-1, QuestionWatchFilter.number("/push/notifications"));
        assertTrue(QuestionWatchFilter.sameOrigin(null, "a.example"));
        assertTrue(QuestionWatchFilter.sameOrigin("https://a.example", "a.example"));
        assertTrue(QuestionWatchFilter.sameOrigin("http://localhost:8080", "localhost:8080"));
        assertFalse(QuestionWatchFilter.sameOrigin("https://b.example", "a.example"));
        assertFalse(QuestionWatchFilter.sameOrigin("null", "a.example"));
    }
}
