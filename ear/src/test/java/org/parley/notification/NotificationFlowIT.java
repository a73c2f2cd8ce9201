package org.parley.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.message.MessageDelivered;
import org.parley.post.CommentService;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.post.VoteService;
import org.parley.post.VoteType;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.Http;
import org.parley.testing.PageClient;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;
import org.parley.user.UserService;

/**
 * Notifications through the real services, database, topic and HTTP: each kind is written once for the right user
 * and never for one's own actions, numbers run in order and {@code since} returns what is newer, and the long-poll
 * answers at once, times out, or refuses past its per-user bound.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationFlowIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(NotificationFlowIT.class, Http.class, PageClient.class);
    }

    private static final String PASSWORD = "correct-horse-battery";
    /** LongPolls.MAX_PER_USER in the WAR (whose classes this module does not compile against). */
    private static final int PER_USER = 16;

    @EJB
    SiteService sites;

    @EJB
    Reputations reputations;

    @EJB
    UserService users;

    @EJB
    QuestionService questions;

    @EJB
    VoteService votes;

    @EJB
    CommentService comments;

    @EJB
    NotificationService notifications;

    @Inject
    Event<MessageDelivered> delivered;

    @Inject
    UserTransaction tx;

    SiteInfo site;
    String askerName;
    Actor asker;
    Actor answerer;
    Actor voter;

    @BeforeEach
    void users() {
        site = sites.ensureSite("localhost", "localhost", "Parley", "");
        askerName = ParleyDeployment.unique("ask");
        String answererName = ParleyDeployment.unique("ans");
        String voterName = ParleyDeployment.unique("vot");
        users.createUser(site.id(), askerName, "Ada Asker", PASSWORD, Role.USER);
        users.createUser(site.id(), answererName, "Bo Answerer", PASSWORD, Role.USER);
        users.createUser(site.id(), voterName, "Cy Voter", PASSWORD, Role.USER);
        // Enough to vote both ways and comment everywhere (the shared localhost site keeps the default ladder).
        reputations.set(site.id(), answererName, 200);
        reputations.set(site.id(), voterName, 200);
        // Their badges are awarded on the badge queue, with notifications at moments of its choosing: held already,
        // none is awarded while the test counts.
        for (String name : List.of(askerName, answererName, voterName)) {
            reputations.holdEveryBadge(site.id(), name);
        }
        asker = users.actorFor(site.id(), askerName).orElseThrow();
        answerer = users.actorFor(site.id(), answererName).orElseThrow();
        voter = users.actorFor(site.id(), voterName).orElseThrow();
    }

    private QuestionSummary ask() {
        return questions.ask(
                asker,
                "How do I stop my chain from skipping " + askerName + "?",
                "It skips under load on the two smallest cogs, even after a new chain.",
                List.of("drivetrain"));
    }

    private List<NotificationView> all(Actor actor) {
        return notifications.since(actor.userId(), 0).items();
    }

    @Test
    void eachKindNotifiesTheOwnerOnceAndNobodyOfTheirOwnActions() throws Exception {
        QuestionSummary q = ask();
        long answer = questions.answer(answerer, q.number(), "Check the chain wear and the cassette's small cogs.");
        comments.comment(answerer, q.number(), "Which cassette is it, and how old?");
        votes.vote(answerer, q.number(), VoteType.UP);
        questions.accept(asker, answer);

        // One's own actions: nothing.
        comments.comment(asker, q.number(), "It is a ten-speed cassette, two years old.");
        questions.answer(asker, q.number(), "Answering my own question: it was the worn small cog after all.");
        comments.comment(answerer, answer, "Thanks for accepting this answer.");

        List<NotificationView> mine = all(asker);
        assertEquals(
                List.of(NotificationKind.ANSWER, NotificationKind.COMMENT, NotificationKind.VOTES),
                mine.stream().map(NotificationView::kind).toList(),
                mine.toString());
        assertTrue(
                mine.get(0).text().startsWith("Bo Answerer answered your question"),
                mine.get(0).text());
        assertEquals(
                "/questions/" + q.number() + "/" + q.slug() + "#answer-" + answer,
                mine.get(0).link());
        assertTrue(
                mine.get(1).text().contains("commented on your question"),
                mine.get(1).text());
        assertEquals(
                "1 new vote on your question \u201c" + q.title() + "\u201d",
                mine.get(2).text());

        List<NotificationView> theirs = all(answerer);
        assertEquals(
                List.of(NotificationKind.ACCEPTED),
                theirs.stream().map(NotificationView::kind).toList());
        assertTrue(
                theirs.get(0).text().startsWith("Ada Asker accepted your answer"),
                theirs.get(0).text());
        assertEquals(List.of(), all(voter));

        // A message: the recipient is told, with a link to the conversation.
        tx.begin();
        delivered.fire(
                new MessageDelivered(site.id(), 99, 42, voter.userId(), "Cy Voter", asker.userId(), "Hello there"));
        tx.commit();
        NotificationView message = all(asker).get(3);
        assertEquals(NotificationKind.MESSAGE, message.kind());
        assertEquals("/messages/42", message.link());
        assertEquals("Cy Voter sent you a message: Hello there", message.text());
        assertEquals(new NotificationState(4, 4), notifications.state(asker.userId()));

        // A message whose delivery rolls back leaves no notification.
        tx.begin();
        delivered.fire(new MessageDelivered(site.id(), 100, 42, voter.userId(), "Cy Voter", asker.userId(), "Lost"));
        tx.rollback();
        assertEquals(new NotificationState(4, 4), notifications.state(asker.userId()));
    }

    @Test
    void votesOnOnePostFoldIntoOneUnreadNotificationWithANewNumber() {
        QuestionSummary q = ask();
        votes.vote(answerer, q.number(), VoteType.UP);
        assertEquals(new NotificationState(1, 1), notifications.state(asker.userId()));
        votes.vote(voter, q.number(), VoteType.DOWN);
        assertEquals(new NotificationState(2, 1), notifications.state(asker.userId()), "folded, renumbered");
        List<NotificationView> items = all(asker);
        assertEquals(1, items.size());
        assertEquals(2, items.get(0).seq());
        assertTrue(
                items.get(0).text().startsWith("2 new votes on your question"),
                items.get(0).text());
        // Retracting a vote tells nobody.
        votes.vote(voter, q.number(), VoteType.DOWN);
        assertEquals(new NotificationState(2, 1), notifications.state(asker.userId()));

        // Once read, the next vote starts a new notification.
        notifications.markRead(asker, 2);
        votes.vote(voter, q.number(), VoteType.UP);
        assertEquals(new NotificationState(3, 1), notifications.state(asker.userId()));
        assertEquals(2, all(asker).size());
    }

    @Test
    void numbersRunInOrderAndSinceReturnsWhatIsNewer() {
        QuestionSummary q = ask();
        for (int i = 1; i <= 3; i++) {
            comments.comment(answerer, q.number(), "Comment number " + i + " on this question.");
        }
        assertEquals(
                List.of(1L, 2L, 3L),
                all(asker).stream().map(NotificationView::seq).toList());
        NotificationBatch after1 = notifications.since(asker.userId(), 1);
        assertEquals(
                List.of(2L, 3L),
                after1.items().stream().map(NotificationView::seq).toList());
        assertEquals(new NotificationState(3, 3), after1.state());
        assertEquals(List.of(), notifications.since(asker.userId(), 3).items());
        assertThrows(Exception.class, () -> notifications.since(asker.userId(), -1));

        assertEquals(new NotificationState(3, 2), notifications.markRead(asker, 1));
        assertEquals(new NotificationState(3, 2), notifications.markRead(asker, 1), "already read: no change");
        assertThrows(Exception.class, () -> notifications.markRead(asker, 9));
        assertEquals(new NotificationState(3, 0), notifications.markAllRead(asker));
        assertTrue(all(asker).stream().allMatch(NotificationView::read));
        assertEquals(3, notifications.list(asker, 1, 2).total());
        assertEquals(3L, notifications.list(asker, 1, 2).items().get(0).seq(), "newest first");
    }

    @Test
    void theLongPollAnswersAtOnceTimesOutWakesAndRefusesPastItsBound() throws Exception {
        PageClient client = login();
        assertEquals(
                401,
                new PageClient(base()).get("/api/notifications?since=0&wait=1").status());
        assertEquals(400, client.get("/api/notifications?since=x").status());
        assertEquals(400, client.get("/api/notifications?since=0&wait=41").status());

        // Nothing yet: a 1 s wait times out with the counters.
        long t0 = System.nanoTime();
        PageClient.Page empty = client.get("/api/notifications?since=0&wait=1");
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertEquals(200, empty.status(), empty.body());
        assertTrue(empty.body().contains("\"items\":[]"), empty.body());
        assertTrue(waited >= 900, "held about a second: " + waited + " ms");

        // Something newer exists: at once.
        QuestionSummary q = ask();
        comments.comment(answerer, q.number(), "A comment the long-poll should return at once.");
        t0 = System.nanoTime();
        PageClient.Page now = client.get("/api/notifications?since=0&wait=30");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 2000);
        assertTrue(now.body().contains("A comment the long-poll should return at once."), now.body());
        assertTrue(now.body().contains("\"seq\":1"), now.body());
        assertNotNull(Http.port());

        // Waiting, then woken through the topic by a new notification.
        ExecutorService pool = Executors.newFixedThreadPool(PER_USER + 2);
        try {
            Future<PageClient.Page> waiting = pool.submit(() -> client.get("/api/notifications?since=1&wait=30"));
            Thread.sleep(500);
            long t1 = System.nanoTime();
            comments.comment(answerer, q.number(), "A second comment that wakes the waiting poll.");
            PageClient.Page woken = waiting.get(10, TimeUnit.SECONDS);
            long wake = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);
            assertTrue(woken.body().contains("wakes the waiting poll"), woken.body());
            assertTrue(wake < 5000, "woken in " + wake + " ms");

            // 16 waiting for one user; the 17th is refused with 429.
            List<Future<PageClient.Page>> held = new ArrayList<>();
            for (int i = 0; i < PER_USER; i++) {
                held.add(pool.submit(() -> client.get("/api/notifications?since=2&wait=8")));
            }
            Thread.sleep(1500);
            PageClient.Page refused = client.get("/api/notifications?since=2&wait=8");
            assertEquals(429, refused.status(), refused.body());
            assertTrue(refused.body().contains("at most 16"), refused.body());
            comments.comment(answerer, q.number(), "A third comment that answers all sixteen.");
            for (Future<PageClient.Page> f : held) {
                assertEquals(200, f.get(10, TimeUnit.SECONDS).status());
            }
            // The slots are free again.
            assertEquals(200, client.get("/api/notifications?since=3&wait=1").status());
        } finally {
            pool.shutdownNow();
        }
    }

    private PageClient login() throws Exception {
        PageClient client = new PageClient(base());
        PageClient.Page form = client.get("/users/login");
        PageClient.Page done = client.submit(
                form,
                "login-form",
                Map.of("login-username", askerName, "login-password", PASSWORD, "login-submit", "Log in"));
        assertEquals(302, done.status(), done.body());
        return client;
    }

    private static URI base() {
        return URI.create("http://localhost:" + Http.port());
    }
}
