package org.parley.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Actor;
import org.parley.common.Page;
import org.parley.common.Role;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;
import org.parley.user.UserService;

/**
 * Search of private messages on the test server's Lucene index, through the real delivery (queue, MDB, service):
 * both participants find a delivered message and nobody else does; "delete for me" removes it from that user's hits
 * only; pending messages are not in the index; a delivery whose commit failed after its document was written is
 * redelivered without a second hit; rebuilding the index from the database keeps every message findable once; the
 * API answers JSON with a safe snippet, and 400 (never 500) to bad input.
 */
@ExtendWith(ArquillianExtension.class)
class MessageSearchIT {

    static final String PASSWORD = "correct-horse-battery";

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.withEjbBeans(
                ParleyDeployment.ear(MessageSearchIT.class, Http.class), DeliveryRecorder.class, CommitFailer.class);
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
    PrivateMessageSearch search;

    @EJB
    MessageIndex index;

    @Inject
    MessageJobs jobs;

    @Inject
    DeliveryRecorder recorder;

    @Inject
    CommitFailer commits;

    SiteInfo site;
    Actor ada;
    Actor bo;
    Actor carl;
    /** A word no other test's message contains, so that counts are exact even on a shared index. */
    String word;

    @BeforeEach
    void freshSite() {
        String name = ParleyDeployment.unique("pms");
        site = sites.ensureSite(name + ".localhost", name, "Search " + name, "A site for one test");
        users.createUser(site.id(), "ada", "Ada Sender", PASSWORD, Role.USER);
        users.createUser(site.id(), "bob", "Bo Recipient", PASSWORD, Role.USER);
        users.createUser(site.id(), "carl", "Carl Outsider", PASSWORD, Role.USER);
        users.createUser(site.id(), "boss", "The Admin", PASSWORD, Role.ADMIN);
        ada = users.actorFor(site.id(), "ada").orElseThrow();
        bo = users.actorFor(site.id(), "bob").orElseThrow();
        carl = users.actorFor(site.id(), "carl").orElseThrow();
        word = ParleyDeployment.unique("zanzi");
    }

    @Test
    void aDeliveredMessageIsFoundByBothParticipantsAndNobodyElse() throws Exception {
        SentMessage sent =
                deliveredMessage("ada", "bob", "Riding to **" + word + "** on Sunday? Bring <b>snacks</b> & water.");

        Page<MessageHit> bos = search.search(bo, word, 1);
        assertEquals(1, bos.total());
        MessageHit hit = bos.items().get(0);
        assertEquals(sent.id(), hit.id());
        assertEquals(sent.conversationId(), hit.conversationId());
        assertEquals("Ada Sender", hit.other().displayName());
        assertFalse(hit.sentByMe());
        assertTrue(hit.snippetHtml().contains("<mark>" + word + "</mark>"), hit.snippetHtml());
        assertFalse(hit.snippetHtml().contains("<b>"), "user HTML never comes through: " + hit.snippetHtml());
        assertFalse(
                hit.snippetHtml().contains("**"), "the rendered text is indexed, not Markdown: " + hit.snippetHtml());

        Page<MessageHit> adas = search.search(ada, word, 1);
        assertEquals(
                List.of(sent.id()), adas.items().stream().map(MessageHit::id).toList());
        assertTrue(adas.items().get(0).sentByMe());
        assertEquals("Bo Recipient", adas.items().get(0).other().displayName());

        // Words are analysed: case and accents do not matter, all words must match, phrases and prefixes work.
        assertEquals(1, search.search(bo, "SÜNDAY " + word.toUpperCase(), 1).total());
        assertEquals(0, search.search(bo, word + " monday", 1).total());
        assertEquals(
                1,
                search.search(bo, "\"on sunday\" " + word.substring(0, 5) + "*", 1)
                        .total());

        assertEquals(0, search.search(carl, word, 1).total(), "a third user finds nothing");
    }

    @Test
    void deleteForMeTakesTheMessageOutOfThatUsersHitsOnly() throws Exception {
        SentMessage sent = deliveredMessage("ada", "bob", "Secret plan " + word);
        messages.deleteForMe(bo, sent.id());
        settle();
        assertEquals(0, search.search(bo, word, 1).total(), "gone from the index for the recipient");
        assertEquals(1, search.search(ada, word, 1).total(), "the sender keeps it");
        messages.deleteForMe(ada, sent.id());
        settle();
        assertEquals(0, search.search(ada, word, 1).total());
    }

    @Test
    void aPendingMessageIsNotInTheIndexUntilDelivered() throws Exception {
        recorder.failFor(bo.userId());
        SentMessage sent = messages.send(ada, "bob", "Not yet " + word);
        try {
            awaitTrue(() -> recorder.attempts(sent.id()) >= 1, "a first, failed delivery attempt");
            assertEquals(new OutboxCounts(1, 0, 0), messages.outbox(ada));
            settle();
            assertEquals(0, search.search(bo, word, 1).total());
            assertEquals(0, search.search(ada, word, 1).total(), "not even the sender finds a pending message");
        } finally {
            recorder.stopFailing(bo.userId());
        }
        awaitTrue(() -> recorder.committed(sent.id()) == 1, "delivered on a later attempt", 30);
        settle();
        assertEquals(1, search.search(bo, word, 1).total());
    }

    @Test
    void aRedeliveredJobDoesNotGiveTwoHits() throws Exception {
        // The first delivery writes the document, then its commit fails: Artemis redelivers and the second delivery
        // writes it again.
        commits.failNextCommitFor(bo.userId());
        SentMessage sent = messages.send(ada, "bob", "Twice delivered? " + word);
        awaitTrue(() -> recorder.committed(sent.id()) == 1, "delivered by the redelivery", 30);
        assertEquals(2, recorder.attempts(sent.id()), "the first attempt rolled back, the second committed");
        // And duplicate jobs after that, through the queue and straight into the service.
        jobs.enqueue(sent.id());
        assertFalse(deliveries.deliver(sent.id()));
        Thread.sleep(2000);

        Page<MessageHit> hits = search.search(bo, word, 1);
        assertEquals(1, hits.total(), "one document per message");
        assertEquals(
                List.of(sent.id()), hits.items().stream().map(MessageHit::id).toList());
        assertEquals(1, search.search(ada, word, 1).total());
    }

    @Test
    void rebuildingTheIndexFromTheDatabaseKeepsEveryMessageOnce() throws Exception {
        SentMessage one = deliveredMessage("ada", "bob", "First " + word);
        SentMessage two = deliveredMessage("bob", "ada", "Second " + word);
        Actor siteAdmin = users.actorFor(site.id(), "boss").orElseThrow();
        assertThrows(
                Exception.class,
                () -> index.rebuild(siteAdmin).get(60, TimeUnit.SECONDS),
                "the message index holds every site's messages: the server's admins only");
        Actor admin = users.actorFor(sites.findByHost("localhost").orElseThrow().id(), "admin")
                .orElseThrow();
        assertThrows(Exception.class, () -> index.rebuild(bo).get(60, TimeUnit.SECONDS), "admins only");
        long indexed = index.rebuild(admin).get(120, TimeUnit.SECONDS);
        settle();
        MessageIndex.Status status = index.status();
        assertEquals(status.delivered(), status.indexed(), "every delivered message is in the index");
        assertEquals(indexed, status.indexed());
        Page<MessageHit> hits = search.search(ada, word, 1);
        assertEquals(2, hits.total());
        assertEquals(
                List.of(one.id(), two.id()),
                hits.items().stream().map(MessageHit::id).sorted().toList());
    }

    @Test
    void refusalsInTheService() {
        assertThrows(NotAllowedException.class, () -> search.search(null, word, 1));
        assertThrows(InvalidInputException.class, () -> search.search(bo, "  ", 1));
        assertThrows(InvalidInputException.class, () -> search.search(bo, word, 0));
        assertThrows(InvalidInputException.class, () -> search.search(bo, word, MessageSearchRules.MAX_PAGE + 1));
    }

    @Test
    void theApiAnswersJsonAndRefusesBadInputWith400() throws Exception {
        SentMessage sent = deliveredMessage("ada", "bob", "API " + word + " `<script>alert(1)</script>`");

        Reply ok = get("/api/messages/search?q=" + enc(word), "bob");
        assertEquals(200, ok.status, ok.body);
        assertTrue(ok.body.contains("\"total\":1"), ok.body);
        assertTrue(ok.body.contains("\"id\":" + sent.id()), ok.body);
        assertTrue(ok.body.contains("\"conversationId\":" + sent.conversationId()), ok.body);
        assertTrue(ok.body.contains("Ada Sender"), ok.body);
        assertTrue(ok.body.contains("<mark>" + word + "</mark>"), ok.body);
        assertTrue(
                ok.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the code span's text, escaped: " + ok.body);
        assertFalse(ok.body.contains("<script>"), "escaped: " + ok.body);
        Reply none = get("/api/messages/search?q=" + enc(word), "carl");
        assertEquals(200, none.status);
        assertTrue(none.body.contains("\"total\":0"), none.body);

        assertEquals(401, get("/api/messages/search?q=" + enc(word), null).status);
        for (String bad : new String[] {
            "",
            "q=",
            "q=%20%20",
            "q=" + "x".repeat(201),
            "q=%22",
            "q=***",
            "q=" + enc(word) + "&page=0",
            "q=" + enc(word) + "&page=abc",
            "q=" + enc(word) + "&page=501"
        }) {
            Reply r = get("/api/messages/search?" + bad, "bob");
            assertEquals(400, r.status, bad + " -> " + r.body);
            assertTrue(r.body.contains("\"error\""), bad + " -> " + r.body);
        }
        // Query syntax that would break a Lucene query parser is just text here: 200, never 500.
        for (String odd : new String[] {
            word + " AND (",
            "title:" + word + "~2^3",
            "[a TO " + word + "}",
            word + " \"unclosed",
            "/" + word + "/",
            "\\" + word,
            word + " ||| -- ++ ~~"
        }) {
            Reply r = get("/api/messages/search?q=" + enc(odd), "bob");
            assertEquals(200, r.status, odd + " -> " + r.body);
        }
    }

    private SentMessage deliveredMessage(String from, String to, String body) throws Exception {
        SentMessage sent = messages.send(users.actorFor(site.id(), from).orElseThrow(), to, body);
        awaitTrue(() -> recorder.committed(sent.id()) == 1, "delivered within 10 s");
        settle();
        return sent;
    }

    /**
     * Waits until what was written is visible to searches: at once with Lucene (Hibernate Search refreshes its
     * readers on each search), after Elasticsearch's refresh interval (1 s) with {@code -Dit.search.backend=elasticsearch}.
     */
    static void settle() throws InterruptedException {
        if ("elasticsearch".equals(System.getProperty("parley.search.backend"))) {
            Thread.sleep(1500);
        }
    }

    record Reply(int status, String body) {}

    Reply get(String path, String user) throws IOException {
        HttpURLConnection c = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + Http.port() + path).toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        c.setRequestProperty("Host", site.host() + ":" + Http.port());
        c.setRequestProperty("Accept", "application/json");
        if (user != null) {
            c.setRequestProperty(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        return new Reply(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        awaitTrue(condition, what, 10);
    }

    static void awaitTrue(BooleanSupplier condition, String what, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("Not " + what);
            }
            Thread.sleep(100);
        }
    }
}
