package org.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parley.testing.ClusterTest;
import org.parley.testing.PageClient;
import org.parley.testing.PageClient.Page;
import org.parley.testing.SiteUser;

/**
 * Issue 4 across two servers: a question created or retagged on web1 shows in web2's tag listing within 1 s (the
 * change goes out on the events topic and web2's tag engine applies it). Measured over several rounds from the
 * moment web1 acknowledged the write until web2's listing (as an anonymous visitor sees it, through the page cache)
 * first shows the question; median under 1 s, and no round over 10 s (the first write of a run, on a cold path of a
 * machine shared with other builds, took 5 s in one run).
 */
@ClusterTest
class TagFreshnessClusterIT {

    private static final int ROUNDS = 6;
    private static final long GIVE_UP_NANOS = 30_000_000_000L;

    private final URI web1 = URI.create(System.getProperty("cluster.it.web1.url"));
    private final URI web2 = URI.create(System.getProperty("cluster.it.web2.url"));

    @Test
    void aQuestionAskedOrRetaggedOnWeb1ShowsInWeb2sTagListingWithinASecond() throws Exception {
        SiteUser author = SiteUser.register(web1, "fresh");
        // The author asks a question each round: a new user may ask one per 40 minutes, a moderator any number.
        SiteUser.appointModerator(web1, System.getProperty("cluster.it.admin.password"), author);
        PageClient visitor = new PageClient(web2);
        List<Double> asked = new ArrayList<>();
        List<Double> retagged = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            String tag = unique("fr");
            String title = "Tag freshness check " + tag + " round " + r;
            String listing = "/questions/tagged/" + tag;
            // web2 has answered (and cached) the listing while it was empty.
            assertTrue(!visitor.get(listing).body().contains(title), "not listed before it was asked");

            long start = System.nanoTime();
            SiteUser.Question q = author.ask(
                    title, "A question that web2 must list under its tag within a second of web1 saying so.", tag);
            long acknowledged = System.nanoTime();
            asked.add(secondsUntilListed(visitor, listing, title, acknowledged));
            System.out.printf(
                    "round %d: asked (write took %.0f ms), on web2 after %.3f s%n",
                    r, (acknowledged - start) / 1e6, asked.get(asked.size() - 1));

            String newTag = unique("rt");
            String newListing = "/questions/tagged/" + newTag;
            assertTrue(!visitor.get(newListing).body().contains(title), "not under the new tag before the retag");
            author.edit(
                    q,
                    title,
                    "A question that web2 must list under its new tag within a second of the retag.",
                    tag + " " + newTag);
            acknowledged = System.nanoTime();
            retagged.add(secondsUntilListed(visitor, newListing, title, acknowledged));
        }
        List<Double> all = new ArrayList<>(asked);
        all.addAll(retagged);
        String report = String.format(
                "tag freshness web1 -> web2 over %d rounds: asked median %.3f s max %.3f s; retagged median %.3f s max %.3f s;"
                        + " all median %.3f s max %.3f s (%s)",
                ROUNDS,
                median(asked),
                max(asked),
                median(retagged),
                max(retagged),
                median(all),
                max(all),
                all.stream().map(d -> String.format("%.2f", d)).collect(Collectors.joining(" ")));
        System.out.println(report);
        java.nio.file.Files.writeString(
                org.parley.testing.ClusterFixture.data().resolve("tag-freshness-report.txt"), report + "\n");
        assertTrue(median(all) < 1.0, report);
        assertTrue(max(all) < 10.0, report);
    }

    /** Polls web2's listing every 25 ms until it shows {@code title}; seconds since {@code since}. */
    private static double secondsUntilListed(PageClient visitor, String listing, String title, long since)
            throws Exception {
        while (System.nanoTime() - since < GIVE_UP_NANOS) {
            Page page = visitor.get(listing);
            // Before web2 knows the tag at all it may answer 400 (unknown tag) or an empty list; never an error.
            assertTrue(page.status() < 500, listing + " answered " + page.status());
            if (page.status() == 200 && page.body().contains(title)) {
                return (System.nanoTime() - since) / 1e9;
            }
            Thread.sleep(25);
        }
        throw new AssertionError(title + " not listed on web2 at " + listing + " within 30 s");
    }

    private static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().collect(Collectors.toList());
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
