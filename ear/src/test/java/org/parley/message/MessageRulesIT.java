package org.parley.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Role;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;
import org.parley.user.UserService;

/**
 * The rules of sending, through {@code /api/messages} on the test server: who may send what to whom, the sending
 * limit (429 with Retry-After), sanitised bodies, and the recent-messages widget served from the shared cache with
 * no SQL.
 */
@ExtendWith(ArquillianExtension.class)
class MessageRulesIT {

    static final String PASSWORD = "correct-horse-battery";

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(MessageRulesIT.class, Http.class);
    }

    @EJB
    SiteService sites;

    @EJB
    UserService users;

    @EJB
    MessageService messages;

    SiteInfo site;

    @BeforeEach
    void freshSite() {
        String name = ParleyDeployment.unique("pmr");
        site = sites.ensureSite(name + ".localhost", name, "Rules " + name, "A site for one test");
        for (String u : new String[] {"ada", "bob", "carl", "dora"}) {
            users.createUser(
                    site.id(), u, u.substring(0, 1).toUpperCase() + u.substring(1) + " Tester", PASSWORD, Role.USER);
        }
    }

    @Test
    void refusalsHaveClearStatusesAndMessages() throws Exception {
        assertEquals(401, send(null, "bob", "Hi").status);
        Reply unknown = send("ada", "nobody", "Hi");
        assertEquals(404, unknown.status, unknown.body);
        assertTrue(
                unknown.body.contains("There is no user named \\\"nobody\\\" here.") || unknown.body.contains("nobody"),
                unknown.body);
        Reply self = send("ada", "ada", "Hi me");
        assertEquals(400, self.status, self.body);
        assertTrue(self.body.contains("yourself"), self.body);
        Reply empty = send("ada", "bob", "   ");
        assertEquals(400, empty.status, empty.body);
        assertTrue(empty.body.contains("empty"), empty.body);
        assertEquals(400, send("ada", "bob", "x".repeat(PrivateMessage.MAX_BODY + 1)).status);
        assertEquals(
                415,
                call("POST", "/api/messages", "ada", "application/x-www-form-urlencoded", "to=bob&body=hi").status,
                "a cross-site form cannot post to the API");

        messages.block(users.actorFor(site.id(), "bob").orElseThrow(), "ada");
        Reply blocked = send("ada", "bob", "Let me in");
        assertEquals(403, blocked.status, blocked.body);
        assertTrue(blocked.body.contains("does not accept messages from you"), blocked.body);
        messages.unblock(users.actorFor(site.id(), "bob").orElseThrow(), "ada");
        assertEquals(202, send("ada", "bob", "Thanks for unblocking").status);
    }

    @Test
    void theSendingLimitAnswers429WithRetryAfter() throws Exception {
        String before = System.getProperty(MessageRules.PER_MINUTE_PROPERTY);
        System.setProperty(MessageRules.PER_MINUTE_PROPERTY, "3");
        try {
            for (int i = 1; i <= 3; i++) {
                Reply ok = send("dora", "carl", "Message " + i);
                assertEquals(202, ok.status, ok.body);
                assertTrue(ok.body.contains("\"id\":"), ok.body);
            }
            Reply limited = send("dora", "carl", "One too many");
            assertEquals(429, limited.status, limited.body);
            assertTrue(limited.body.contains("at most 3 messages a minute"), limited.body);
            long retryAfter = Long.parseLong(limited.retryAfter);
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            assertEquals(202, send("ada", "carl", "Others are not limited by dora").status);
        } finally {
            if (before == null) {
                System.clearProperty(MessageRules.PER_MINUTE_PROPERTY);
            } else {
                System.setProperty(MessageRules.PER_MINUTE_PROPERTY, before);
            }
        }
    }

    @Test
    void bodiesAreSanitisedAndTheWidgetIsServedWithoutSql() throws Exception {
        Reply sent = send(
                "ada",
                "carl",
                "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n**fine** [x](javascript:alert(3))");
        assertEquals(202, sent.status, sent.body);
        var carl = users.actorFor(site.id(), "carl").orElseThrow();
        long until = System.nanoTime() + 15_000_000_000L;
        while (messages.inbox(carl, 1).total() == 0 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertEquals(1, messages.inbox(carl, 1).total(), "delivered within 15 s");
        long conversation = messages.inbox(carl, 1).items().get(0).conversationId();
        String html =
                messages.conversation(carl, conversation).messages().get(0).bodyHtml();
        assertFalse(html.contains("<script") || html.contains("onerror") || html.contains("href=\"javascript"), html);
        assertTrue(html.contains("<strong>fine</strong>"), html);

        call("GET", "/api/messages/recent", "carl", null, null); // warms the credentials cache
        Reply widget = call("GET", "/api/messages/recent", "carl", null, null);
        assertEquals(200, widget.status, widget.body);
        assertTrue(widget.body.contains("Ada Tester") && widget.body.contains("fine"), widget.body);
        assertFalse(widget.body.contains("<script"), widget.body);
        assertTrue(widget.timing.contains("desc=\"0 queries\""), "a cache hit runs no SQL: " + widget.timing);
        assertEquals(401, call("GET", "/api/messages/recent", null, null, null).status);
    }

    record Reply(int status, String body, String retryAfter, String timing) {}

    Reply send(String user, String to, String body) throws IOException {
        String json = "{\"to\":" + quote(to) + ",\"body\":" + quote(body) + "}";
        return call("POST", "/api/messages", user, "application/json", json);
    }

    Reply call(String method, String path, String user, String contentType, String content) throws IOException {
        HttpURLConnection c = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + Http.port() + path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setInstanceFollowRedirects(false);
        c.setRequestProperty("Host", site.host() + ":" + Http.port());
        if (user != null) {
            c.setRequestProperty(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (content != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", contentType);
            try (OutputStream out = c.getOutputStream()) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        String timing = c.getHeaderField("Server-Timing");
        return new Reply(status, text, c.getHeaderField("Retry-After"), timing == null ? "" : timing);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
