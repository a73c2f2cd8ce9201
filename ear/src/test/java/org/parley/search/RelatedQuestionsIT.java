package org.parley.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.post.PostChanged;
import org.parley.post.QuestionService;
import org.parley.post.RemotePostChanged;
import org.parley.rules.InvalidInputException;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;
import org.parley.user.UserService;

/**
 * Related and similar questions on the test server's Lucene index, with questions asked through the services (indexed
 * on commit): the question that shares words and tags ranks first, one that shares a tag only comes after it, one that
 * shares nothing is not there, and neither the question itself nor another site's twin ever is; the list is cached
 * (a new similar question does not show until the question changes) and an edit, here or on another server, makes
 * the next read compute it afresh; similar-while-asking finds the duplicate of a typed title, over the JSON API too,
 * with its search time in Server-Timing.
 */
@ExtendWith(ArquillianExtension.class)
class RelatedQuestionsIT {

    static final String PASSWORD = "correct-horse-battery";

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(RelatedQuestionsIT.class, Http.class);
    }

    @EJB
    SiteService sites;

    @EJB
    UserService users;

    @EJB
    QuestionService questions;

    @EJB
    RelatedQuestions related;

    @EJB
    SimilarQuestions similar;

    @Inject
    Event<RemotePostChanged> remote;

    @EJB
    Reputations reputations;

    SiteInfo site;
    SiteInfo other;
    Actor ada;
    Actor olga;
    /** Words and a tag no other test's question holds. */
    String yeast;

    String farm;
    String tag;

    @BeforeEach
    void freshSites() {
        site = newSite("rel");
        other = newSite("relx");
        ada = user(site, "ada");
        olga = user(other, "olga");
        yeast = ParleyDeployment.unique("kveik");
        farm = ParleyDeployment.unique("voss");
        tag = ParleyDeployment.unique("t");
    }

    @Test
    void theQuestionSharingWordsAndTagsRanksFirstAndNeitherItselfNorAnotherSiteAppears() throws Exception {
        long asked = ask(ada, "How do I keep " + yeast + " yeast alive from the " + farm + " farmhouse?", tag, "yeast");
        long twin = ask(ada, "Keeping " + yeast + " alive between " + farm + " farmhouse brews", tag, "storage");
        long tagOnly = ask(ada, "Which dry yeast ferments a clean lager at cellar temperature?", "yeast");
        long unrelated = ask(ada, "What glass suits a Belgian tripel served cold?", "glassware");
        long otherSites = ask(olga, "Keeping " + yeast + " alive between " + farm + " farmhouse brews elsewhere", tag);

        List<Long> found = await(() -> numbers(related.compute(site.id(), asked)), l -> l.contains(tagOnly));
        assertEquals(twin, found.get(0), "the question sharing words and tags first: " + found);
        assertTrue(found.indexOf(tagOnly) > 0, "a shared tag alone ranks after it: " + found);
        assertFalse(found.contains(unrelated), "nothing in common, not related: " + found);
        assertFalse(found.contains(asked), "never itself: " + found);
        // Numbers are per site, so the other site's twin is told apart by its title.
        assertTrue(
                related.related(site.id(), asked).stream()
                        .noneMatch(q -> q.title().endsWith("elsewhere")),
                "another site's question never appears");
        List<RelatedQuestion> cached = related.related(site.id(), asked);
        assertEquals(numbers(cached), found, "the cached list is the computed one");
        RelatedQuestion first = cached.get(0);
        assertTrue(first.title().startsWith("Keeping " + yeast), first.toString());
        assertEquals(0, first.score());
        assertEquals(0, first.answerCount());
        assertFalse(first.closed());
        assertTrue(related.related(other.id(), otherSites).isEmpty(), "the other site has nothing like it");
    }

    @Test
    void theListIsCachedPerQuestionAndRefreshedWhenTheQuestionChangesHereOrOnAnotherServer() throws Exception {
        long asked = ask(ada, "Storing " + yeast + " starter for the " + farm + " season", tag);
        long first = ask(ada, "Reviving a " + yeast + " starter after the " + farm + " season", tag);
        long glass = ask(ada, "Does the " + farm + "-style tulip glass hold the head of a tripel?", "glassware");
        await(() -> numbers(related.compute(site.id(), asked)), l -> l.contains(first) && l.contains(glass));
        assertEquals(first, related.related(site.id(), asked).get(0).number());

        // A question asked later is in the index at once, but the cached list holds until the question changes.
        long later = ask(ada, "Drying " + yeast + " starter flakes for the next " + farm + " season", tag);
        await(() -> numbers(related.compute(site.id(), asked)), l -> l.contains(later));
        assertFalse(numbers(related.related(site.id(), asked)).contains(later), "served from the cache");

        // A change committed on another server arrives as RemotePostChanged: this server drops the list too.
        remote.fire(new RemotePostChanged(
                new PostChanged(site.id(), asked, asked, PostChanged.Kind.EDITED), "another-server"));
        assertTrue(numbers(related.related(site.id(), asked)).contains(later), "refreshed after the remote change");

        // An edit here that makes it a question about glasses: the glass question now leads.
        questions.edit(
                ada,
                asked,
                "Which tulip glass holds the head of a " + farm + " tripel?",
                "The head of my tripel collapses in a straight glass; does a tulip glass hold it better?",
                List.of("glassware"));
        List<Long> after = numbers(related.related(site.id(), asked));
        assertEquals(glass, after.get(0), "the edit refreshed the cached list: " + after);
        assertNotEquals(first, after.get(0));
    }

    @Test
    void similarQuestionsFindTheLikelyDuplicateOfATypedTitle() throws Exception {
        long dup = ask(ada, "How long can " + yeast + " yeast sit in the fridge before " + farm + " pitching?", tag);
        long notDup = ask(ada, "How long should a tripel sit in the bottle before drinking?", "bottling");
        ask(olga, "How long can " + yeast + " yeast sit in the fridge before " + farm + " pitching?", tag);

        String typed = "Can " + yeast + " yeast sit in a fridge for weeks";
        List<RelatedQuestion> found = await(() -> similar.similar(site, typed), l -> !l.isEmpty());
        assertEquals(dup, found.get(0).number(), found.toString());
        assertEquals(
                1, found.size(), "the other site's twin and a question sharing only common words stay out: " + found);
        assertFalse(numbers(found).contains(notDup));

        assertThrows(InvalidInputException.class, () -> similar.similar(site, "two words"));
        assertThrows(InvalidInputException.class, () -> similar.similar(site, "x ".repeat(80)));
        assertTrue(similar.similar(site, "How can I do it then?").isEmpty(), "stop words only: nothing to go on");

        // The JSON API, the site chosen by host, with the search's time in Server-Timing.
        String host = site.host();
        String path = "/api/questions/similar?title=" + URLEncoder.encode(typed, StandardCharsets.UTF_8);
        List<Double> totals = new ArrayList<>();
        List<Double> searches = new ArrayList<>();
        Http.Response r = null;
        for (int i = 0; i < 21; i++) {
            r = Http.get(host, path);
            assertEquals(200, r.status(), r.body());
            totals.add(Double.parseDouble(r.header("Server-Timing").replaceAll(".*total;dur=([0-9.]+).*", "$1")));
            searches.add(Double.parseDouble(r.header("Server-Timing").replaceAll(".*search;dur=([0-9.]+).*", "$1")));
        }
        assertTrue(r.body().contains("\"number\":" + dup), r.body());
        assertTrue(r.body().contains("\"url\":\"/questions/" + dup + "/"), r.body());
        assertTrue(r.header("Server-Timing").contains("search;dur="), r.header("Server-Timing"));
        assertTrue(r.header("Cache-Control").contains("no-store"), r.header("Cache-Control"));
        Collections.sort(totals);
        Collections.sort(searches);
        // Figures to read, not a timed assertion (benchmarks measure; see docs/search.md).
        System.out.println("Similar questions API, 21 requests: server time median " + totals.get(10) + " ms, max "
                + totals.get(20) + " ms; index query median " + searches.get(10) + " ms, max " + searches.get(20)
                + " ms; the last: " + r.header("Server-Timing"));

        Http.Response tooShort = Http.get(host, "/api/questions/similar?title=two%20words");
        assertEquals(400, tooShort.status());
        assertTrue(tooShort.body().contains("at least 3 words"), tooShort.body());
        assertEquals(400, Http.get(host, "/api/questions/similar").status());
    }

    private SiteInfo newSite(String prefix) {
        String name = ParleyDeployment.unique(prefix);
        SiteInfo site = sites.ensureSite(name + ".localhost", name, "Related " + name, "A site for one test");
        reputations.open(site.id()); // a new user asks several questions in a row here
        return site;
    }

    private Actor user(SiteInfo on, String name) {
        users.createUser(on.id(), name, "Related " + name, PASSWORD, Role.USER);
        return users.actorFor(on.id(), name).orElseThrow();
    }

    private long ask(Actor who, String title, String... tags) {
        // The body says the title again and nothing else, so that questions share exactly the words their titles do.
        String body = title + "\n\n" + title;
        return questions.ask(who, title, body, List.of(tags)).number();
    }

    private static List<Long> numbers(List<RelatedQuestion> list) {
        return list.stream().map(RelatedQuestion::number).toList();
    }

    /** What {@code read} gives once {@code done} holds of it, read again for up to ten seconds (the index refreshing). */
    private static <T> T await(Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < until) {
            Thread.sleep(100);
            value = read.get();
        }
        assertTrue(done.test(value), "not reached in 10 s: " + value);
        return value;
    }
}
