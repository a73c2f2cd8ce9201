package org.parley.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.post.VoteService;
import org.parley.post.VoteType;
import org.parley.rules.InvalidInputException;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;
import org.parley.user.UserRef;
import org.parley.user.UserService;

/**
 * Search of questions and answers on the test server's Lucene index: the bundled Stack Exchange dump imported through
 * the admin API and indexed, and posts written through the services (indexed on commit). Known posts found by known
 * queries, every operator class, the tabs, safe highlighted excerpts, closed
 * questions found and marked, one site's words never finding another site's posts, a French site's stemming, and the
 * refusals (too long, too many terms) and help (nothing searchable) the page shows.
 */
@ExtendWith(ArquillianExtension.class)
class SearchIT {

    static final String PASSWORD = "correct-horse-battery";

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear =
                ParleyDeployment.withEjbBeans(ParleyDeployment.ear(SearchIT.class), SearchFixture.class);
        Path bundled = Path.of("../../shared/data/se-dump/bicycles.meta.stackexchange.com")
                .toAbsolutePath()
                .normalize();
        ear.getAsType(WebArchive.class, "parley-web.war")
                .addAsResource(new StringAsset(bundled.toString()), "bundled-dump-path.txt");
        return ear;
    }

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
    SearchService search;

    @EJB
    SearchFixture fixture;

    SiteInfo site;
    UserRef adaRef;
    UserRef boRef;
    Actor ada;
    Actor bo;
    /** A word no other test's post contains, so that counts are exact on the shared index. */
    String word;

    @BeforeEach
    void freshSite() {
        site = newSite("srch");
        adaRef = users.createUser(site.id(), "ada", "Ada Asker", PASSWORD, Role.USER);
        boRef = users.createUser(site.id(), "bob", "Bo Answerer", PASSWORD, Role.USER);
        ada = users.actorFor(site.id(), "ada").orElseThrow();
        bo = users.actorFor(site.id(), "bob").orElseThrow();
        word = ParleyDeployment.unique("zanzi");
    }

    SiteInfo newSite(String prefix) {
        String name = ParleyDeployment.unique(prefix);
        SiteInfo site = sites.ensureSite(name + ".localhost", name, "Search " + name, "A site for one test");
        reputations.open(site.id()); // new users vote here
        return site;
    }

    SearchResults find(String query) {
        return search.search(site.id(), query, SearchTab.RELEVANCE, 1, null);
    }

    List<Long> numbers(SearchResults results) {
        return results.hits().stream().map(SearchHit::number).toList();
    }

    /** The numbers found for {@code query} once the index shows {@code expected} hits (indexing follows the commit). */
    List<Long> found(String query, int expected) throws InterruptedException {
        await(() -> find(query).total() == expected, query + " finds " + expected);
        return numbers(find(query));
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void knownQuestionsAreFoundByWordsPhrasesAndStems() throws Exception {
        QuestionSummary cellar = questions.ask(
                ada,
                "How should I store " + word + " bottles in a cellar?",
                "I keep them standing up. Is dry hopping a reason to lay them down instead?",
                List.of("storage", "bottles"));
        QuestionSummary other = questions.ask(
                ada,
                "Which glass suits a " + word + " stout best?",
                "Hopping dry is not what I am asking about; only the glass matters here.",
                List.of("glassware"));
        long answer = questions.answer(
                bo, cellar.number(), "Lay them down in a dark cellar; " + word + " keeps better at a steady 12 °C.");

        assertEquals(
                List.of(cellar.number(), other.number(), answer).size(),
                found(word, 3).size());
        // Stems: "storing" finds "store", "cellars" finds "cellar".
        assertEquals(List.of(cellar.number()), found(word + " storing", 1));
        assertEquals(
                List.of(answer, cellar.number()).stream().sorted().toList(),
                found(word + " cellars", 2).stream().sorted().toList());
        // The title weighs more than the body: the question whose title has "cellar" comes before the answer.
        assertEquals(cellar.number(), find(word + " cellar").hits().get(0).number());
        // A phrase keeps its words together and in order.
        assertEquals(List.of(cellar.number()), found(word + " \"dry hopping\"", 1));
        // A word can be left out.
        assertEquals(List.of(other.number()), found(word + " -cellar -storing", 1));

        SearchHit hit = find(word + " storing").hits().get(0);
        assertEquals("How should I store " + word + " bottles in a cellar?", hit.title());
        assertEquals("/questions/" + cellar.number() + "/" + cellar.slug(), hit.path());
        assertEquals(List.of("storage", "bottles"), hit.tags());
        assertEquals("Ada Asker", hit.author().displayName());
        assertEquals(adaRef.number(), hit.author().number());
        assertEquals(1, hit.answerCount());
        assertFalse(hit.answer());

        SearchHit answerHit = find(word + " steady").hits().get(0);
        assertTrue(answerHit.answer());
        assertEquals(cellar.number(), answerHit.questionNumber());
        assertEquals("How should I store " + word + " bottles in a cellar?", answerHit.title(), "its question's title");
        assertEquals("/questions/" + cellar.number() + "/" + cellar.slug() + "#answer-" + answer, answerHit.path());
        assertEquals("Bo Answerer", answerHit.author().displayName());
        assertTrue(answerHit.excerptHtml().contains("<mark>steady</mark>"), answerHit.excerptHtml());
    }

    @Test
    void excerptsAreEscapedAndOnlyTheHighlightIsMarkup() throws Exception {
        QuestionSummary q = questions.ask(
                ada,
                "Why does my " + word + " label print tags?",
                "The label shows `<script>alert(1)</script>` & <b>bold</b> text next to " + word + " every time.",
                List.of("labels"));
        found(word, 1);
        String excerpt = find(word).hits().get(0).excerptHtml();
        assertTrue(excerpt.contains("&lt;script&gt;"), excerpt);
        assertFalse(excerpt.contains("<script"), excerpt);
        assertFalse(excerpt.contains("<b>"), excerpt);
        assertTrue(excerpt.contains("<mark>" + word + "</mark>"), excerpt);
        assertEquals(q.number(), find(word).hits().get(0).number());
    }

    @Test
    void everyOperatorClass() throws Exception {
        QuestionSummary q1 = questions.ask(
                ada,
                "Kegging " + word + " cider at home",
                "See [the guide](https://docs.example.com/kegging) before you start kegging at home.",
                List.of("cider", "kegging"));
        QuestionSummary q2 = questions.ask(
                bo,
                "Bottling " + word + " mead for a wedding",
                "How long does bottle conditioning take for mead served at a wedding?",
                List.of("mead"));
        long a1 = questions.answer(bo, q1.number(), "Purge the keg with CO2 first, then fill it with " + word + ".");
        long a2 = questions.answer(ada, q2.number(), "Three weeks of bottle conditioning at room temperature " + word);
        votes.vote(bo, q1.number(), VoteType.UP);
        questions.accept(ada, a1);
        // Accepting re-writes the question's document; the answer's "accepted" is re-written when the answer changes
        // (here its vote) or, for any accept, by the post indexer that follows questions' changes to their answers.
        votes.vote(ada, a1, VoteType.UP);
        found(word, 4);

        // [tag] and -[tag]: an answer carries its question's tags.
        assertEquals(sorted(q1.number(), a1), sorted(numbers(find(word + " [cider]"))));
        assertEquals(sorted(q2.number(), a2), sorted(numbers(find(word + " -[cider]"))));
        assertEquals(List.of(q1.number()), numbers(find(word + " [Cider] [kegging] is:question")));
        // user:N and user:me.
        assertEquals(sorted(q2.number(), a1), sorted(numbers(find(word + " user:" + boRef.number()))));
        SearchResults mine = search.search(site.id(), word + " user:me", SearchTab.NEWEST, 1, ada);
        assertEquals(sorted(q1.number(), a2), sorted(numbers(mine)));
        SearchResults anonymous = find(word + " user:me");
        assertEquals(0, anonymous.total());
        assertTrue(
                anonymous.notes().get(0).contains("logged in"),
                anonymous.notes().toString());
        // score:, answers:, views:.
        assertEquals(sorted(q1.number(), a1), sorted(numbers(find(word + " score:1"))));
        assertEquals(sorted(q2.number(), a2), sorted(numbers(find(word + " score:..0"))));
        assertEquals(sorted(q1.number(), q2.number()), sorted(numbers(find(word + " answers:1"))));
        assertEquals(List.of(), numbers(find(word + " answers:2..")));
        assertEquals(sorted(q1.number(), q2.number()), sorted(numbers(find(word + " views:0.."))));
        assertEquals(List.of(), numbers(find(word + " views:1000")));
        // is:, isaccepted:, hasaccepted:.
        assertEquals(sorted(a1, a2), sorted(numbers(find(word + " is:answer"))));
        assertEquals(List.of(a1), numbers(find(word + " isaccepted:yes")));
        assertEquals(List.of(a2), numbers(find(word + " isaccepted:no")));
        assertEquals(List.of(q1.number()), numbers(find(word + " hasaccepted:yes")));
        assertEquals(List.of(q2.number()), numbers(find(word + " hasaccepted:no")));
        // wiki: (nothing here is community wiki).
        assertEquals(List.of(), numbers(find(word + " wiki:yes")));
        assertEquals(4, find(word + " wiki:no").total());
        // created: and lastactive: by year, month and relative period.
        int year = Year.now(ZoneOffset.UTC).getValue();
        assertEquals(4, find(word + " created:" + year).total());
        assertEquals(4, find(word + " created:7d").total());
        assertEquals(0, find(word + " created:2019").total());
        assertEquals(0, find(word + " created:..2019-03").total());
        assertEquals(4, find(word + " lastactive:" + (year - 1) + "..").total());
        // intitle:, body:, inquestion:, url:.
        assertEquals(List.of(q2.number()), numbers(find(word + " intitle:wedding")));
        assertEquals(List.of(), numbers(find(word + " intitle:conditioning")), "only in bodies");
        assertEquals(sorted(q2.number(), a2), sorted(numbers(find(word + " body:\"bottle conditioning\""))));
        assertEquals(sorted(q1.number(), a1), sorted(numbers(find(word + " inquestion:" + q1.number()))));
        assertEquals(List.of(q1.number()), numbers(find(word + " url:\"*.example.com*\"")));
        assertEquals(List.of(q1.number()), numbers(find("url:docs.example.com/kegging " + word)));
        // Operators alone (no words) are a search too.
        assertEquals(List.of(a1), numbers(find("isaccepted:yes inquestion:" + q1.number())));
        // Without words to highlight, the excerpt is the body's start.
        String start =
                find("is:question inquestion:" + q1.number()).hits().get(0).excerptHtml();
        assertTrue(start.startsWith("See the guide before you start kegging"), start);
        // A hit shows whether an answer is the accepted one, and a question whether it has one.
        SearchHit acceptedAnswer = find(word + " isaccepted:yes").hits().get(0);
        assertTrue(acceptedAnswer.accepted());
        assertEquals(1, acceptedAnswer.score());
        assertTrue(find(word + " hasaccepted:yes").hits().get(0).accepted());
    }

    @Test
    void tabsOrderTheResults() throws Exception {
        QuestionSummary first = questions.ask(
                ada,
                "First " + word + " question on yeast",
                "A body long enough about yeast and " + word,
                List.of("yeast"));
        QuestionSummary second = questions.ask(
                ada,
                "Second " + word + " question on malt",
                "A body long enough about malt and " + word,
                List.of("malt"));
        QuestionSummary third = questions.ask(
                ada,
                "Third " + word + " question on water",
                "A body long enough about water and " + word,
                List.of("water"));
        votes.vote(bo, second.number(), VoteType.UP);
        questions.answer(bo, first.number(), "An answer that makes the first one active again: " + word);
        found(word + " is:question", 3);
        assertEquals(
                List.of(third.number(), second.number(), first.number()),
                numbers(search.search(site.id(), word + " is:question", SearchTab.NEWEST, 1, null)));
        assertEquals(
                second.number(),
                search.search(site.id(), word + " is:question", SearchTab.VOTES, 1, null)
                        .hits()
                        .get(0)
                        .number());
        assertEquals(
                first.number(),
                search.search(site.id(), word + " is:question", SearchTab.ACTIVE, 1, null)
                        .hits()
                        .get(0)
                        .number());
        SearchResults page2 = search.search(site.id(), word, SearchTab.NEWEST, 2, null);
        assertEquals(4, page2.total());
        assertTrue(page2.totalExact(), "under the count limit, counts are exact");
        assertEquals(4, search.count(site.id(), word, null));
        assertEquals(3, search.count(site.id(), word + " is:question", null));
        assertEquals(0, search.count(site.id(), "the", null), "nothing searchable counts nothing");
        assertEquals(List.of(), page2.hits(), "four results fit on page 1");
        assertThrows(InvalidInputException.class, () -> search.search(site.id(), word, SearchTab.NEWEST, 0, null));
    }

    @Test
    void closedQuestionsAreFoundAndMarked() throws Exception {
        QuestionSummary open = questions.ask(
                ada,
                "An open " + word + " question on corks",
                "Corks and their care, a body long enough " + word,
                List.of("corks"));
        QuestionSummary closed = questions.ask(
                ada,
                "A closed " + word + " question on corks",
                "Corks again, a duplicate body long enough " + word,
                List.of("corks"));
        fixture.close(site.id(), closed.number());
        found(word + " closed:yes", 1);
        assertEquals(List.of(closed.number()), numbers(find(word + " closed:yes")));
        assertEquals(List.of(open.number()), numbers(find(word + " closed:no")));
        SearchResults both = find(word + " corks");
        assertEquals(2, both.total(), "closed questions are found, as listings show them");
        for (SearchHit hit : both.hits()) {
            assertEquals(hit.number() == closed.number(), hit.closed(), "marked closed: " + hit.number());
        }
    }

    @Test
    void aSitesSearchNeverFindsAnotherSitesPosts() throws Exception {
        SiteInfo other = newSite("srchb");
        users.createUser(other.id(), "cyd", "Cy Elsewhere", PASSWORD, Role.USER);
        Actor cy = users.actorFor(other.id(), "cyd").orElseThrow();
        QuestionSummary mine = questions.ask(
                ada,
                "Ours: " + word + " in the brew kettle",
                "Our body about " + word + " and the kettle",
                List.of("kettle"));
        QuestionSummary theirs = questions.ask(
                cy,
                "Theirs: " + word + " in the brew kettle",
                "Their body about " + word + " and the kettle",
                List.of("kettle"));
        assertEquals(List.of(mine.number()), found(word, 1));
        await(
                () -> search.search(other.id(), word, SearchTab.RELEVANCE, 1, null)
                                .total()
                        == 1,
                "the other site's post");
        SearchResults theirResults = search.search(other.id(), word + " [kettle]", SearchTab.RELEVANCE, 1, null);
        assertEquals(List.of(theirs.number()), numbers(theirResults));
        assertEquals(
                "Theirs: " + word + " in the brew kettle",
                theirResults.hits().get(0).title());
        // Operators do not cross sites either: the other site's user number 1 is not ours.
        assertEquals(1, find(word + " [kettle] user:" + adaRef.number()).total());
        assertEquals(
                "Ours: " + word + " in the brew kettle",
                find(word + " [kettle]").hits().get(0).title());
    }

    @Test
    void aFrenchSiteStemsFrenchWords() throws Exception {
        SiteInfo french = newSite("srchfr");
        sites.markImported(french.id(), "french.stackexchange.com", "fr");
        users.createUser(french.id(), "zoe", "Zoé", PASSWORD, Role.USER);
        Actor zoe = users.actorFor(french.id(), "zoe").orElseThrow();
        QuestionSummary q = questions.ask(
                zoe,
                "Comment conserver les bières " + word + " ?",
                "Je garde mes bouteilles de bière " + word + " à la cave, debout.",
                List.of("biere"));
        await(
                () -> search.search(french.id(), word, SearchTab.RELEVANCE, 1, null)
                                .total()
                        == 1,
                "the French post");
        assertEquals(
                1,
                search.search(french.id(), word + " bière", SearchTab.RELEVANCE, 1, null)
                        .total(),
                "bières ~ bière");
        assertEquals(
                1,
                search.search(french.id(), word + " bouteille caves", SearchTab.RELEVANCE, 1, null)
                        .total());
        SearchResults stop = search.search(french.id(), "les de la", SearchTab.RELEVANCE, 1, null);
        assertTrue(stop.needsHelp(), "French stop words alone");
        assertEquals(
                q.number(),
                search.search(french.id(), word, SearchTab.RELEVANCE, 1, null)
                        .hits()
                        .get(0)
                        .number());
    }

    @Test
    void emptyTooLongAndTooManyTerms() throws Exception {
        assertTrue(find("").needsHelp());
        assertTrue(find(null).needsHelp());
        SearchResults stop = find("the of and");
        assertTrue(stop.needsHelp());
        assertEquals(1, stop.notes().size(), stop.notes().toString());
        InvalidInputException tooLong = assertThrows(InvalidInputException.class, () -> find("x".repeat(2_001)));
        assertTrue(tooLong.getMessage().contains("2,000"), tooLong.getMessage());
        InvalidInputException tooMany = assertThrows(InvalidInputException.class, () -> find("w ".repeat(101)));
        assertTrue(tooMany.getMessage().contains("100"), tooMany.getMessage());
        // An unknown operator is searched as words, with a note.
        questions.ask(
                ada,
                "Amber " + word + " colour in a pale ale",
                "Why is my pale ale amber in colour? " + word,
                List.of("colour"));
        found(word, 1);
        SearchResults unknown = find(word + " colour:amber");
        assertEquals(1, unknown.total());
        assertTrue(
                unknown.notes().get(0).contains("was searched as words"),
                unknown.notes().toString());
    }

    @Test
    void theBundledDumpIsFoundByKnownQueries() throws Exception {
        // The import's own index step writes the site's documents before the import reports COMPLETED.
        SiteInfo meta = importBundledDump();
        long id = meta.id();

        SearchResults phrase = search.search(id, "\"touring and camping\"", SearchTab.RELEVANCE, 1, null);
        assertEquals("Bike touring and camping", phrase.hits().get(0).title(), "the title phrase first");
        SearchResults tagged =
                search.search(id, "[on-off-topic] touring camping is:question", SearchTab.RELEVANCE, 1, null);
        assertTrue(
                tagged.hits().stream().anyMatch(h -> h.title().equals("Bike touring and camping")),
                tagged.hits().toString());
        for (SearchHit hit : tagged.hits()) {
            assertTrue(hit.tags().contains("on-off-topic"), hit.toString());
            assertFalse(hit.answer());
        }
        SearchResults routes = search.search(id, "\"bike routes\" hasaccepted:yes", SearchTab.RELEVANCE, 1, null);
        SearchHit two = routes.hits().stream()
                .filter(h -> h.title().equals("Suggesting bike routes, allowed?"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(routes.hits().toString()));
        assertTrue(two.excerptHtml().contains("<mark>bike</mark> <mark>routes</mark>"), two.excerptHtml());
        // "Bike touring and camping" links to that question ("a separate question"): url: finds it by the address.
        SearchResults linking = search.search(id, "url:\"*/questions/2/*\" touring", SearchTab.RELEVANCE, 1, null);
        assertTrue(
                linking.hits().stream().anyMatch(h -> h.title().equals("Bike touring and camping")),
                linking.hits().toString());
        // The dump has 15 closed questions (ClosedDate); they are found and marked, as listings show them.
        SearchResults closed = search.search(id, "closed:yes is:question", SearchTab.NEWEST, 1, null);
        assertEquals(15, closed.total());
        assertEquals(15, search.count(id, "closed:yes is:question", null));
        assertTrue(closed.hits().stream().allMatch(SearchHit::closed));
        // Answers show their question's title and link to their place on its page.
        SearchResults answers = search.search(id, "touring is:answer", SearchTab.VOTES, 1, null);
        assertTrue(answers.total() > 0);
        SearchHit answer = answers.hits().get(0);
        assertTrue(answer.answer());
        assertTrue(answer.path().endsWith("#answer-" + answer.number()), answer.path());
        // Per site: the dump's words find nothing on another site.
        assertEquals(
                0,
                search.search(site.id(), "touring camping", SearchTab.RELEVANCE, 1, null)
                        .total());
        assertEquals(
                0,
                search.search(site.id(), "closed:yes", SearchTab.RELEVANCE, 1, null)
                        .total());
    }

    /** Imports the bundled Stack Exchange dump into a new site through the admin API, as DumpImportIT does. */
    SiteInfo importBundledDump() throws Exception {
        long local = sites.findByHost("localhost").orElseThrow().id();
        if (users.actorFor(local, "searchadmin").isEmpty()) {
            users.createUser(local, "searchadmin", "Search Admin", PASSWORD, Role.ADMIN);
        }
        String dir;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("bundled-dump-path.txt")) {
            dir = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        String name = ParleyDeployment.unique("srchmeta");
        String form = "dir=" + URLEncoder.encode(dir, StandardCharsets.UTF_8) + "&site=" + name + "&host=" + name
                + ".localhost";
        HttpURLConnection c = admin("/api/imports");
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        try (OutputStream out = c.getOutputStream()) {
            out.write(form.getBytes(StandardCharsets.UTF_8));
        }
        String started = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(202, c.getResponseCode(), started);
        int importId = Json.createReader(new StringReader(started)).readObject().getInt("id");
        for (int i = 0; i < 600; i++) {
            HttpURLConnection s = admin("/api/imports/" + importId);
            JsonObject status = Json.createReader(
                            new StringReader(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8)))
                    .readObject();
            if (status.getString("status").equals("COMPLETED")) {
                return sites.findByHost(name + ".localhost").orElseThrow();
            }
            assertFalse(status.getString("status").equals("FAILED"), status.toString());
            Thread.sleep(500);
        }
        throw new AssertionError("The import did not finish");
    }

    private static HttpURLConnection admin(String path) throws IOException {
        int port = Integer.getInteger("it.http.port", 8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0));
        HttpURLConnection c = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        c.setRequestProperty("Host", "localhost:" + port);
        c.setRequestProperty("Accept", "application/json");
        c.setRequestProperty(
                "Authorization",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(("searchadmin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        return c;
    }

    static List<Long> sorted(long... numbers) {
        return java.util.Arrays.stream(numbers).sorted().boxed().toList();
    }

    static List<Long> sorted(List<Long> numbers) {
        return numbers.stream().sorted().toList();
    }
}
