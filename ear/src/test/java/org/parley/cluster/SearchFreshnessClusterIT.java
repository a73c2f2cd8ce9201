package org.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.testing.ClusterFixture;
import org.parley.testing.ClusterTest;
import org.parley.testing.PageClient;
import org.parley.testing.SiteUser;

/**
 * Issue 16's index freshness across servers, on the cluster's OpenSearch: a question asked on web1 is found searching
 * on web2 within seconds, and its edit on web2 (new words, a new tag) is found on web1. The writer's document is the
 * only one (the index is shared); without it, the other server would find nothing until the row-version catch-up ran.
 */
@ClusterTest
class SearchFreshnessClusterIT {

    private static final URI WEB1 = ClusterFixture.server("web1");
    private static final URI WEB2 = ClusterFixture.server("web2");
    private static final Pattern COUNT = Pattern.compile("([0-9,]+) results?\\b");

    @Test
    void aQuestionAskedOnOneServerIsFoundOnTheOtherAndSoIsItsEdit() throws Exception {
        SiteUser ada = SiteUser.register(WEB1, "sq");
        String word = "cassette" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        SiteUser.Question q = ada.ask(
                "How do I true a wheel with a " + word + " hub?",
                "The wheel wobbles two millimetres; the spokes near the valve are loose. Where do I start?",
                "wheels");
        double asked = awaitCount(WEB2, word, 1);
        System.out.printf("search freshness: asked on web1, found on web2 %.2f s later%n", asked);

        String edited = "spokeline" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        SiteUser editor = SiteUser.login(WEB2, ada);
        editor.edit(
                q,
                "How do I true a wheel with a " + edited + " hub?",
                "The wheel wobbles two millimetres; the spokes near the valve are loose. Where do I start?",
                "wheels truing");
        double edit = awaitCount(WEB1, edited + " [truing]", 1);
        System.out.printf("search freshness: edited on web2, found on web1 %.2f s later%n", edit);
        assertEquals(0, count(WEB1, word), "the old title's word is gone from the document");
    }

    /** Searches until the page states {@code expected} results; returns the seconds it took (at most 30). */
    private static double awaitCount(URI server, String query, long expected) throws Exception {
        long start = System.nanoTime();
        long found = count(server, query);
        while (found != expected && System.nanoTime() - start < 30_000_000_000L) {
            Thread.sleep(100);
            found = count(server, query);
        }
        assertEquals(expected, found, "results for '" + query + "' on " + server);
        return (System.nanoTime() - start) / 1e9;
    }

    private static long count(URI server, String query) throws IOException {
        PageClient.Page page =
                new PageClient(server).get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertEquals(200, page.status(), page.body());
        Matcher m = COUNT.matcher(page.body());
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 0;
    }
}
