package org.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.parley.testing.ClusterFixture;
import org.parley.testing.ClusterTest;
import org.parley.testing.SiteUser;

/**
 * Issue 6's search across the cluster, on the real OpenSearch node: a private message sent on web1 is delivered by
 * a server of the delivery group (work1, or web2, which does both), which writes its search document; then the
 * recipient finds it searching on web2 and the sender on web1, and a third user on neither. With an index per
 * server (the Lucene backend) at least one of the two searches would find nothing: web1 never delivers.
 */
@ClusterTest
class MessageSearchClusterIT {

    private static final URI WEB1 = ClusterFixture.server("web1");
    private static final URI WEB2 = ClusterFixture.server("web2");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aMessageDeliveredByTheWorkerIsFoundFromEveryWebServer() throws Exception {
        SiteUser ada = SiteUser.register(WEB1, "sa");
        SiteUser bo = SiteUser.register(WEB2, "sb");
        SiteUser carl = SiteUser.register(WEB1, "sc");
        String word = "derailleur" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);

        HttpResponse<String> sent = HTTP.send(
                request(WEB1, "api/messages", ada)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"to\":\"" + bo.name() + "\",\"body\":\"Can you lend me your " + word + " tool?\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, sent.statusCode(), sent.body());

        long start = System.nanoTime();
        String found = search(WEB2, bo, word);
        while (!found.contains("\"total\":1") && System.nanoTime() - start < 60_000_000_000L) {
            Thread.sleep(250);
            found = search(WEB2, bo, word);
        }
        System.out.printf(
                "message search: found on web2 %.2f s after the send was accepted on web1%n",
                (System.nanoTime() - start) / 1e9);
        assertTrue(found.contains("\"total\":1"), "the recipient finds it on web2: " + found);
        assertTrue(found.contains("<mark>" + word + "</mark>"), "with the word marked: " + found);
        String bySender = search(WEB1, ada, word);
        assertTrue(bySender.contains("\"total\":1"), "the sender finds it on web1: " + bySender);
        for (URI server : new URI[] {WEB1, WEB2}) {
            String other = search(server, carl, word);
            assertTrue(other.contains("\"total\":0"), "a third user finds nothing on " + server + ": " + other);
        }
    }

    private static String search(URI server, SiteUser user, String q) throws Exception {
        HttpResponse<String> r = HTTP.send(
                request(server, "api/messages/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), user)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static HttpRequest.Builder request(URI server, String path, SiteUser user) {
        String credentials = user.name() + ":" + SiteUser.PASSWORD;
        return HttpRequest.newBuilder(server.resolve(path))
                .header("Accept", "application/json")
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
}
