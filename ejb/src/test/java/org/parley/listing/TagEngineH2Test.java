package org.parley.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSort;
import org.parley.post.QuestionSummary;
import org.parley.post.VoteService;
import org.parley.post.VoteType;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.tag.TagCount;
import org.parley.testing.H2Services;
import org.parley.user.UserService;

/**
 * The tag engine against SQL on the same generated questions in H2 (Parley's real schema and indexes): random
 * expressions, every sort, random pages give the same numbers in the same order and the same totals; and after
 * changes through the services, and after changes no event told about (once the catch-up ran).
 */
class TagEngineH2Test {

    private static final long SEED = 4_2026L;
    private static final int QUESTIONS = 3_000;
    private static final int TAGS = 60;
    /** Tags of at least this many questions get runs: about the 25 most used of the 60. */
    private static final int RUNS = 100;

    private H2Services h2;
    private TagEngine engine;
    private SqlListing sql;
    private SiteInfo site;
    private SyntheticQuestions data;

    @BeforeEach
    void generatedSite() throws SQLException {
        h2 = new H2Services();
        engine = h2.bean(TagEngine.class);
        engine.runMinimum = RUNS;
        sql = h2.bean(SqlListing.class);
        site = h2.tx(() -> h2.bean(SiteService.class).ensureSite("gen.localhost", "gen", "Generated", "Generated"));
        data = new SyntheticQuestions(SEED, QUESTIONS, TAGS, true);
        try (EntityManager em = h2.direct()) {
            em.unwrap(Session.class).doWork(c -> {
                data.insert(c, site.id(), 10_000_000L);
            });
        }
    }

    @AfterEach
    void close() {
        h2.close();
    }

    @Test
    void randomExpressionsSortsAndPagesMatchSql() {
        Random random = new Random(SEED);
        int nonEmpty = 0;
        for (int i = 0; i < 400; i++) {
            TagExpression expression = randomExpression(random);
            QuestionSort sort = QuestionSort.values()[random.nextInt(QuestionSort.values().length)];
            int pageSize = 1 + random.nextInt(40);
            int page = random.nextInt(4) == 0 ? 1 + random.nextInt(60) : 1 + random.nextInt(3);
            IdPage expected = h2.tx(() -> sql.questions(site.id(), expression, sort, page, pageSize));
            IdPage actual = h2.tx(() -> engine.questions(site.id(), expression, sort, page, pageSize));
            String what = expression + " " + sort + " page " + page + " of " + pageSize;
            assertEquals(expected.total(), actual.total(), "total of " + what);
            assertEquals(expected.numbers(), actual.numbers(), what);
            if (!expected.numbers().isEmpty()) {
                nonEmpty++;
            }
        }
        assertTrue(nonEmpty > 200, "most random lists are not empty: " + nonEmpty);
    }

    @Test
    void everySortOfWholeListsMatchesSql() {
        for (QuestionSort sort : QuestionSort.values()) {
            for (int page : new int[] {1, 2, 30, 101}) {
                IdPage expected = h2.tx(() -> sql.questions(site.id(), TagExpression.ALL, sort, page, 30));
                IdPage actual = h2.tx(() -> engine.questions(site.id(), TagExpression.ALL, sort, page, 30));
                assertEquals(expected, actual, sort + " page " + page);
            }
        }
    }

    @Test
    void changesThroughTheServicesShowAtOnceAndMissedOnesAfterTheCatchUp() throws SQLException {
        UserService users = h2.bean(UserService.class);
        QuestionService questions = h2.bean(QuestionService.class);
        VoteService votes = h2.bean(VoteService.class);
        h2.tx(() -> users.createUser(site.id(), "asker", "Asker", "correct-horse-battery", Role.USER));
        h2.tx(() -> users.createUser(site.id(), "voter", "Voter", "correct-horse-battery", Role.USER));
        h2.tx(() -> h2.bean(SiteService.class)
                .changePrivileges(
                        new Actor(0, site.id(), Role.ADMIN),
                        site.id(),
                        java.util.Map.of(org.parley.site.Privilege.VOTE_UP, 1))); // a new user votes here
        Actor asker = h2.tx(() -> users.actorFor(site.id(), "asker").orElseThrow());
        Actor voter = h2.tx(() -> users.actorFor(site.id(), "voter").orElseThrow());
        h2.tx(() -> engine.questions(site.id(), TagExpression.ALL, QuestionSort.NEWEST, 1, 1)); // built now

        String t0 = data.tagNames[0];
        QuestionSummary asked = h2.tx(() -> questions.ask(
                asker,
                "A brand new question on the engine?",
                "A body long enough to be a question body.",
                List.of(t0, "brand-new-tag")));
        assertEquals(
                List.of(asked.number()),
                h2.tx(() -> engine.questions(
                                site.id(), TagExpression.parse("brand-new-tag"), QuestionSort.NEWEST, 1, 5))
                        .numbers(),
                "a committed question is listed at once");
        for (int i = 0; i < 3; i++) {
            long target = data.rows.get(100 * i).number();
            h2.tx(() -> votes.vote(voter, target, VoteType.UP));
            h2.tx(() -> questions.answer(voter, target, "An answer that is long enough to be one."));
        }
        h2.run(() -> questions.edit(
                asker,
                asked.number(),
                "A brand new question, edited?",
                "A body long enough, edited now.",
                List.of("edited-tag")));
        assertAllSortsMatch(TagExpression.parse(t0 + " or edited-tag"));
        assertEquals(
                0,
                h2.tx(() -> engine.questions(
                                site.id(), TagExpression.parse("brand-new-tag"), QuestionSort.NEWEST, 1, 5))
                        .total());

        // A change no event reports (another server's, while this one was down): only the catch-up sees it.
        long silent = data.rows.get(7).number();
        try (EntityManager em = h2.direct()) {
            em.unwrap(Session.class).doWork(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("update post set score = 9999, row_version = next value for post_row_version_seq"
                            + " where post_type = 'Q' and number = " + silent);
                }
            });
        }
        assertTrue(!h2.tx(() -> engine.questions(site.id(), TagExpression.ALL, QuestionSort.VOTES, 1, 1))
                .numbers()
                .contains(silent));
        assertTrue(h2.tx(() -> engine.catchUp()) > 0);
        assertEquals(
                List.of(silent),
                h2.tx(() -> engine.questions(site.id(), TagExpression.ALL, QuestionSort.VOTES, 1, 1))
                        .numbers());
        assertAllSortsMatch(TagExpression.ALL);
    }

    @Test
    void tagListCompletionAndRelatedTagsCountQuestions() {
        Map<String, Long> counts = new HashMap<>();
        for (QuestionRow row : data.rows) {
            SiteIndex.splitTags(row.tagNames()).forEach(t -> counts.merge(t, 1L, Long::sum));
        }
        List<TagCount> expected = counts.entrySet().stream()
                .map(e -> new TagCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(TagCount::questionCount)
                        .reversed()
                        .thenComparing(TagCount::name))
                .toList();
        TagService tags = h2.bean(TagService.class);
        assertEquals(
                expected.subList(0, 20),
                h2.tx(() -> tags.list(site.id(), null, 1, 20)).items());
        assertEquals(
                expected.size(), h2.tx(() -> tags.list(site.id(), null, 1, 20)).total());
        List<TagCount> withT1 =
                expected.stream().filter(t -> t.name().startsWith("t1")).toList();
        assertEquals(withT1, h2.tx(() -> tags.list(site.id(), "T1", 1, 100)).items());
        assertEquals(
                withT1.stream().limit(5).map(TagCount::name).toList(), h2.tx(() -> tags.complete(site.id(), "t1", 5)));
        assertEquals(List.of(), h2.tx(() -> tags.complete(site.id(), "t1$", 5)));

        String top = expected.get(0).name();
        Map<String, Long> beside = new HashMap<>();
        for (QuestionRow row : data.rows) {
            List<String> names = SiteIndex.splitTags(row.tagNames());
            if (names.contains(top)) {
                names.stream().filter(n -> !n.equals(top)).forEach(n -> beside.merge(n, 1L, Long::sum));
            }
        }
        List<TagCount> related = beside.entrySet().stream()
                .map(e -> new TagCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(TagCount::questionCount)
                        .reversed()
                        .thenComparing(TagCount::name))
                .limit(10)
                .toList();
        assertEquals(related, h2.tx(() -> tags.related(site.id(), TagExpression.parse(top), 10)));
    }

    @Test
    void unknownTagsSelectNothingAndAreNamed() {
        IdPage page = h2.tx(() -> engine.questions(
                site.id(), TagExpression.parse("nosuchtag+" + data.tagNames[0]), QuestionSort.NEWEST, 1, 10));
        assertEquals(0, page.total());
        assertEquals(List.of("nosuchtag"), page.unknownTags());
        IdPage without =
                h2.tx(() -> engine.questions(site.id(), TagExpression.parse("-nosuchtag"), QuestionSort.NEWEST, 1, 10));
        assertEquals(QUESTIONS, without.total());
    }

    private void assertAllSortsMatch(TagExpression expression) {
        for (QuestionSort sort : QuestionSort.values()) {
            IdPage expected = h2.tx(() -> sql.questions(site.id(), expression, sort, 1, 50));
            IdPage actual = h2.tx(() -> engine.questions(site.id(), expression, sort, 1, 50));
            assertEquals(expected.total(), actual.total(), expression + " " + sort);
            assertEquals(expected.numbers(), actual.numbers(), expression + " " + sort);
        }
    }

    /** One to three groups of one or two terms, some negated, now and then a tag nobody uses. */
    private TagExpression randomExpression(Random random) {
        List<String> groups = new ArrayList<>();
        int groupCount = 1 + random.nextInt(3);
        for (int g = 0; g < groupCount; g++) {
            List<String> terms = new ArrayList<>();
            int termCount = random.nextInt(3) == 0 ? 2 : 1;
            for (int t = 0; t < termCount; t++) {
                String tag = random.nextInt(25) == 0 ? "unused" + random.nextInt(3) : data.tagNames[skewed(random)];
                terms.add((random.nextInt(5) == 0 ? "-" : "") + tag);
            }
            groups.add(String.join(" or ", terms));
        }
        return TagExpression.parse(groups.stream().collect(Collectors.joining(random.nextBoolean() ? " " : "+")));
    }

    /** Mostly popular tags, so that "and" of two still selects something. */
    private static int skewed(Random random) {
        return Math.min(TAGS - 1, (int) Math.floor(Math.pow(random.nextDouble(), 2.5) * TAGS));
    }
}
