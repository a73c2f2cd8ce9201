package org.parley.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.SiteUser;

/**
 * The live question channel without a browser: a socket on {@code /push/questions/{number}} opened with no cookie is
 * told of a committed change ({@code {"kind":"EDITED","post":N,...}}); a missing question, a
 * deleted one and another site's page are refused before the upgrade; the sockets (and long-polls) of one address are
 * bounded; the long-poll answers a first request at once without a session, is woken by a change, and refuses bad
 * numbers. (That the socket starts no session either is checked in a browser, LiveQuestionBrowserIT.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveQuestionIT {

    private static final URI BASE = URI.create("http://localhost:" + Http.port());
    private static final URI WS = URI.create("ws://localhost:" + Http.port());
    private static final int MAX_PER_ADDRESS = 32; // LiveQuestions.MAX_PER_ADDRESS
    private static final Pattern VERSION = Pattern.compile("\"version\":([0-9]+)");

    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    /** A socket's messages and how it closed. */
    private static final class Recorder implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            messages.add(data.toString());
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
            closed.complete(code);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.complete(-1);
        }
    }

    private WebSocket open(long question, Recorder recorder, String origin) throws Exception {
        return open(question, recorder, origin, null);
    }

    /** A socket on {@code question}; with {@code client}, as HAProxy would say it came from that address. */
    private WebSocket open(long question, Recorder recorder, String origin, String client) throws Exception {
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (origin != null) {
            builder.header("Origin", origin);
        }
        if (client != null) {
            builder.header("X-Forwarded-For", client);
        }
        return builder.buildAsync(WS.resolve("/push/questions/" + question), recorder)
                .get(10, TimeUnit.SECONDS);
    }

    /** The handshake's HTTP status when the upgrade is refused; fails when it is not. */
    private int refusedWith(long question, String origin) throws Exception {
        try {
            WebSocket socket = open(question, new Recorder(), origin);
            socket.abort();
            return fail("the socket on question " + question + " opened");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }

    private HttpResponse<String> poll(long question, String query) throws Exception {
        return poll(question, query, null);
    }

    private HttpResponse<String> poll(long question, String query, String client) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(BASE.resolve("/api/questions/" + question + "/live?" + query));
        if (client != null) {
            request.header("X-Forwarded-For", client);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSocketWithoutACookieIsToldOfAChange() throws Exception {
        SiteUser asker = SiteUser.register(BASE, "lqs");
        SiteUser.Question q = asker.ask(
                "How tight should a chain be on a singlespeed " + asker.name() + "?",
                "It droops a bit between the cogs. How much slack is right, and how do I measure it?",
                "chains");
        Recorder recorder = new Recorder();
        WebSocket socket = open(q.number(), recorder, "http://localhost:" + Http.port());
        try {
            asker.edit(
                    q,
                    "How tight should a chain be on a singlespeed, measured " + asker.name() + "?",
                    "It droops a bit between the cogs. How much slack is right, and how do I measure it with a ruler?",
                    "chains");
            String message = recorder.messages.poll(10, TimeUnit.SECONDS);
            assertTrue(message != null, "a change reaches the socket");
            assertTrue(message.contains("\"kind\":\"EDITED\""), message);
            assertTrue(message.contains("\"post\":" + q.number()), message);
            assertTrue(message.matches(".*\"v\":[0-9]+.*"), message);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
        }
    }

    @Test
    void refusedBeforeTheUpgrade() throws Exception {
        SiteUser asker = SiteUser.register(BASE, "lqr");
        SiteUser.Question q = asker.ask(
                "Why does my freewheel click louder in the cold " + asker.name() + "?",
                "Below zero the rear hub clicks twice as loud and sometimes slips. Grease?",
                "hubs");
        assertEquals(404, refusedWith(999_999_999L, null), "no such question");
        assertEquals(403, refusedWith(q.number(), "https://evil.example"), "another site's page");
        asker.delete(q);
        assertEquals(404, refusedWith(q.number(), null), "a deleted question is not watched");
        assertEquals(404, poll(q.number(), "since=0").statusCode());
    }

    @Test
    void oneAddressHasAtMostItsShareOfSockets() throws Exception {
        SiteUser asker = SiteUser.register(BASE, "lqb");
        SiteUser.Question q = asker.ask(
                "Is a 32-spoke wheel strong enough for touring " + asker.name() + "?",
                "Loaded touring with 20 kg of bags on the rear. Do I need 36 spokes or will 32 do?",
                "wheels");
        // An address of this test's own (loopback is a trusted proxy, as HAProxy is): sockets other test classes
        // left on the server, which keeps its deployment between them, do not take its places.
        String client = "198.51.100." + (1 + (int) (System.nanoTime() % 250));
        List<WebSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_PER_ADDRESS; i++) {
                Recorder r = new Recorder();
                open.add(open(q.number(), r, null, client));
                assertNull(r.closed.getNow(null), "socket " + (i + 1) + " stays open");
            }
            Recorder over = new Recorder();
            WebSocket extra = open(q.number(), over, null, client);
            assertEquals(1013, over.closed.get(10, TimeUnit.SECONDS), "one too many: try again later");
            extra.abort();
            HttpResponse<String> poll = poll(q.number(), "since=1&wait=5", client);
            assertEquals(429, poll.statusCode(), "a long-poll counts too: " + poll.body());
            assertTrue(poll.headers().firstValue("Retry-After").isPresent());
        } finally {
            open.forEach(WebSocket::abort);
        }
        // Closed sockets give their places back.
        Thread.sleep(500);
        Recorder again = new Recorder();
        WebSocket socket = open(q.number(), again, null, client);
        Thread.sleep(300);
        assertNull(again.closed.getNow(null), "a place is free again");
        socket.abort();
    }

    @Test
    void theLongPollAnswersAtOnceThenWaitsForAChange() throws Exception {
        SiteUser asker = SiteUser.register(BASE, "lqp");
        SiteUser.Question q = asker.ask(
                "Should I wax a brand-new chain or ride the factory grease " + asker.name() + "?",
                "The factory grease is sticky; is stripping it worth the trouble before waxing?",
                "chains");
        HttpResponse<String> first = poll(q.number(), "since=0");
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.headers().firstValue("Set-Cookie").isEmpty(), "no session for a watcher");
        assertEquals("no-store", first.headers().firstValue("Cache-Control").orElse(""));
        Matcher m = VERSION.matcher(first.body());
        assertTrue(m.find(), first.body());
        long version = Long.parseLong(m.group(1));
        assertTrue(first.body().contains("\"changes\":[]"), first.body());

        CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(
                HttpRequest.newBuilder(
                                BASE.resolve("/api/questions/" + q.number() + "/live?since=" + version + "&wait=20"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(500);
        assertTrue(!waiting.isDone(), "held while nothing changes");
        asker.edit(
                q,
                "Should I wax a brand-new chain or keep the factory grease " + asker.name() + "?",
                "The factory grease is sticky; is stripping it with solvent worth the trouble before waxing?",
                "chains");
        HttpResponse<String> woken = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(200, woken.statusCode(), woken.body());
        assertTrue(woken.body().contains("\"kind\":\"EDITED\""), woken.body());
        assertTrue(woken.body().contains("\"post\":" + q.number()), woken.body());

        assertEquals(400, poll(q.number(), "since=x").statusCode());
        assertEquals(400, poll(q.number(), "since=1&wait=41").statusCode());
    }
}
