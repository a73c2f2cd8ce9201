package org.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

        // Deleted on web2: gone at once from web1's search, its tag listing and its page (anonymous readers).
        PageClient reader = new PageClient(WEB1);
        assertTrue(reader.get("/questions/tagged/truing").body().contains(edited), "listed before");
        editor.delete(q);
        double deleted = awaitCount(WEB1, edited, 0);
        System.out.printf("search freshness: deleted on web2, gone from web1's search %.2f s later%n", deleted);
        assertFalse(reader.get("/questions/tagged/truing").body().contains(edited), "web1's tag listing drops it");
        assertEquals(404, reader.get(q.path()).status(), "web1 answers 404 for a deleted question");
    }

    @Test
    void aQuestionClosedOnOneServerShowsClosedOnTheOtherAtOnce() throws Exception {
        SiteUser bo = SiteUser.register(WEB1, "cq");
        // Bo asks twice in a row, more than a new user may: the admin makes him a moderator first.
        SiteUser.appointModerator(WEB1, System.getProperty("cluster.it.admin.password"), bo);
        String word = "derailleur" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        SiteUser.Question original = bo.ask(
                "How do I index a " + word + " rear derailleur?",
                "Shifts skip on the middle cogs; the cable is new and the hanger looks straight to me.",
                "gears");
        SiteUser.Question copy = bo.ask(
                "Why does my " + word + " derailleur skip gears?",
                "Shifting skips in the middle of the cassette after I fitted a new cable last week.",
                "gears");
        PageClient reader = new PageClient(WEB2);
        assertFalse(reader.follow(copy.path()).body().contains("id=\"closed-notice\""), "open at first");
        String badge = "<span class=\"role-badge\">duplicate</span>";
        assertFalse(reader.follow(original.path()).body().contains(badge), "web2 caches the original's page first");
        SiteUser admin = SiteUser.login(WEB1, "admin", System.getProperty("cluster.it.admin.password"));
        admin.voteToClose(copy, "DUPLICATE", Long.toString(original.number()));
        String page = reader.follow(copy.path()).body();
        assertTrue(page.contains("id=\"closed-notice\""), "web2 shows the banner right after the close returned");
        assertTrue(page.contains("How do I index a " + word), "naming the original");
        assertTrue(
                reader.follow(original.path()).body().contains(badge),
                "and web2's page of the original lists the duplicate");
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
