package org.parley.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Page;
import org.parley.common.Role;
import org.parley.listing.ListingService;
import org.parley.listing.TagService;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.site.Limit;
import org.parley.site.Privilege;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.tag.TagCount;
import org.parley.testing.H2Services;
import org.parley.user.UserRef;
import org.parley.user.UserService;

/** The post services on Hibernate and H2: mappings, queries, locks, events and the rules end to end. */
class QuestionServiceH2Test {

    private static final String BODY = "Some **markdown** body that is long enough to be a real question.";
    private static final String PASSWORD = "correct-horse-battery";

    private H2Services h2;
    private SiteService sites;
    private UserService users;
    private QuestionService questions;
    private VoteService votes;
    private CommentService comments;
    private TagService tags;
    private ListingService listings;
    private UserPostService profiles;

    private SiteInfo site;
    private UserRef askerRef;
    private UserRef answererRef;
    private Actor asker;
    private Actor answerer;

    @BeforeEach
    void aSiteWithTwoUsers() {
        h2 = new H2Services();
        sites = h2.bean(SiteService.class);
        users = h2.bean(UserService.class);
        questions = h2.bean(QuestionService.class);
        votes = h2.bean(VoteService.class);
        comments = h2.bean(CommentService.class);
        tags = h2.bean(TagService.class);
        listings = h2.bean(ListingService.class);
        profiles = h2.bean(UserPostService.class);
        site = h2.tx(() -> sites.ensureSite("bicycles.localhost", "bicycles", "Bicycles", "Bikes"));
        // New users vote and comment in most tests here; privilegesFollowTheSitesLadder has the default ladder.
        h2.tx(() -> sites.changePrivileges(
                new Actor(0, site.id(), Role.ADMIN),
                site.id(),
                Map.of(Privilege.VOTE_UP, 1, Privilege.VOTE_DOWN, 1, Privilege.COMMENT_EVERYWHERE, 1)));
        // ... and ask several questions in a row: nobody is a new user here (NewUserLimitsH2Test has the limits).
        h2.tx(() -> sites.changeLimits(
                new Actor(0, site.id(), Role.ADMIN), site.id(), Map.of(Limit.NEW_USER_REPUTATION, 0)));
        askerRef = h2.tx(() -> users.createUser(site.id(), "asker", "Ada Asker", PASSWORD, Role.USER));
        answererRef = h2.tx(() -> users.createUser(site.id(), "answerer", "Bo Answerer", PASSWORD, Role.USER));
        asker = h2.tx(() -> users.actorFor(site.id(), "asker").orElseThrow());
        answerer = h2.tx(() -> users.actorFor(site.id(), "answerer").orElseThrow());
    }

    @AfterEach
    void closeDatabase() {
        h2.close();
    }

    private QuestionSummary ask(Actor who, String title, String... tagNames) {
        return h2.tx(() -> questions.ask(who, title, BODY, List.of(tagNames)));
    }

    private long answer(Actor who, long question, String body) {
        return h2.tx(() -> questions.answer(who, question, body));
    }

    private int reputation(UserRef ref) {
        return h2.tx(
                () -> profiles.profile(site.id(), ref.number()).orElseThrow().reputation());
    }

    @Test
    void theCachedPageCarriesEachViewersOwnVotesOnTheQuestionAndItsAnswersOnly() {
        QuestionPages pages = h2.bean(QuestionPages.class);
        h2.bean(CacheInvalidation.class);
        QuestionSummary q = ask(asker, "Why does my chain skip under load?", "chains");
        long a1 = answer(answerer, q.number(), "A worn cassette skips with a new chain: replace both together.");
        long a2 = answer(answerer, q.number(), "Check that the chain is not stiff at a link before anything else.");
        QuestionSummary other = ask(asker, "How often should I wax a chain?", "chains");
        long elsewhere = answer(answerer, other.number(), "Every 300 km or so for road riding in the dry.");
        Actor third = h2.tx(() -> {
            users.createUser(site.id(), "third", "Cy Third", PASSWORD, Role.USER);
            return users.actorFor(site.id(), "third").orElseThrow();
        });
        assertNull(h2.tx(() -> pages.view(site.id(), q.number(), answerer)).myVote(), "cached before any vote");
        h2.tx(() -> votes.vote(answerer, q.number(), VoteType.UP));
        h2.tx(() -> votes.vote(asker, a2, VoteType.DOWN));
        h2.tx(() -> votes.vote(third, a1, VoteType.UP));
        h2.tx(() -> votes.vote(asker, elsewhere, VoteType.UP));

        QuestionDetail byAsker = h2.tx(() -> pages.view(site.id(), q.number(), asker));
        assertNull(byAsker.myVote());
        assertEquals(Map.of(a1, "none", a2, "DOWN"), mine(byAsker), "not the vote on the other question's answer");
        QuestionDetail byAnswerer = h2.tx(() -> pages.view(site.id(), q.number(), answerer));
        assertEquals(VoteType.UP, byAnswerer.myVote());
        assertEquals(Map.of(a1, "none", a2, "none"), mine(byAnswerer));
        QuestionDetail byThird = h2.tx(() -> pages.view(site.id(), q.number(), third));
        assertNull(byThird.myVote());
        assertEquals(Map.of(a1, "UP", a2, "none"), mine(byThird));
        QuestionDetail anonymous = h2.tx(() -> pages.view(site.id(), q.number(), null));
        assertNull(anonymous.myVote());
        assertEquals(Map.of(a1, "none", a2, "none"), mine(anonymous));
        assertEquals(1, anonymous.score(), "the shared page was dropped by the votes");
    }

    private static Map<Long, String> mine(QuestionDetail page) {
        Map<Long, String> out = new java.util.HashMap<>();
        page.answers()
                .forEach(a -> out.put(
                        a.number(), a.myVote() == null ? "none" : a.myVote().name()));
        return out;
    }

    @Test
    void theWholeLifeOfAQuestion() {
        QuestionSummary q = ask(asker, "How do I tune a derailleur quickly?", "gears", "maintenance");
        long a1 = answer(answerer, q.number(), "Turn the barrel adjuster a quarter turn at a time.");
        long a2 = answer(answerer, q.number(), "Check the hanger alignment first, then the limit screws.");

        assertEquals(1, h2.tx(() -> votes.vote(asker, a2, VoteType.UP)).score());
        assertEquals(
                VoteType.UP,
                h2.tx(() -> votes.vote(answerer, q.number(), VoteType.UP)).myVote());
        h2.run(() -> questions.accept(asker, a1));
        CommentView comment =
                h2.tx(() -> comments.comment(answerer, q.number(), "Which derailleur model is it, front or rear?"));
        assertTrue(comment.id() > 0);

        QuestionDetail detail = h2.tx(() -> questions.view(site.id(), q.number(), asker));
        assertTrue(detail.bodyHtml().contains("<strong>markdown</strong>"), detail.bodyHtml());
        assertEquals(1, detail.score());
        assertEquals(Long.valueOf(a1), detail.acceptedAnswerNumber());
        assertEquals(
                List.of(a1, a2),
                detail.answers().stream().map(AnswerView::number).toList(),
                "accepted first");
        assertTrue(detail.answers().get(0).accepted());
        assertFalse(detail.answers().get(1).accepted());
        assertEquals(VoteType.UP, detail.answers().get(1).myVote());
        assertNull(detail.myVote());
        assertEquals(1, detail.comments().size());
        assertEquals("Bo Answerer", detail.comments().get(0).owner().displayName());
        assertEquals(List.of("gears", "maintenance"), detail.tags());
        assertEquals("how-do-i-tune-a-derailleur-quickly", detail.slug());
        assertEquals(
                VoteType.UP,
                h2.tx(() -> questions.view(site.id(), q.number(), answerer)).myVote());

        assertEquals(26, reputation(answererRef), "1 + 10 for the upvote + 15 for the accept");
        assertEquals(13, reputation(askerRef), "1 + 10 for the upvote + 2 for accepting");

        VoteResult changed = h2.tx(() -> votes.vote(asker, a2, VoteType.DOWN));
        assertEquals(-1, changed.score());
        assertEquals(VoteType.DOWN, changed.myVote());
        assertEquals(14, reputation(answererRef));
        assertEquals(12, reputation(askerRef));
        VoteResult retracted = h2.tx(() -> votes.vote(asker, a2, VoteType.DOWN));
        assertEquals(0, retracted.score());
        assertNull(retracted.myVote());
        assertEquals(16, reputation(answererRef));
        assertEquals(13, reputation(askerRef));

        h2.run(() -> questions.accept(asker, a2));
        QuestionDetail moved = h2.tx(() -> questions.view(site.id(), q.number(), null));
        assertEquals(Long.valueOf(a2), moved.acceptedAnswerNumber());
        assertEquals(
                List.of(a2, a1),
                moved.answers().stream().map(AnswerView::number).toList());
        assertEquals(16, reputation(answererRef), "the 15 moved between two answers of the same user");

        assertEquals(
                List.of(
                        PostChanged.Kind.ASKED,
                        PostChanged.Kind.ANSWERED,
                        PostChanged.Kind.ANSWERED,
                        PostChanged.Kind.VOTED,
                        PostChanged.Kind.VOTED,
                        PostChanged.Kind.ACCEPTED,
                        PostChanged.Kind.COMMENTED,
                        PostChanged.Kind.VOTED,
                        PostChanged.Kind.VOTED,
                        PostChanged.Kind.ACCEPTED),
                h2.events.stream()
                        .filter(PostChanged.class::isInstance)
                        .map(e -> ((PostChanged) e).kind())
                        .toList());
        assertTrue(h2.events.stream()
                .filter(PostChanged.class::isInstance)
                .allMatch(e -> ((PostChanged) e).questionNumber() == q.number()));
        // Owners are told of what others did, never of their own actions.
        assertTrue(h2.events.stream()
                .filter(PostActivity.class::isInstance)
                .map(PostActivity.class::cast)
                .allMatch(a -> a.ownerId() != a.actorId() && a.questionNumber() == q.number()));
    }

    @Test
    void listsSortPageAndFilterByTag() {
        QuestionSummary first = ask(asker, "First question about wheels and spokes?", "wheels");
        QuestionSummary second = ask(asker, "Second question about tyres and tubes?", "tyres", "wheels");
        QuestionSummary third = ask(asker, "Third question about brakes and pads?", "brakes");
        answer(answerer, first.number(), "An answer that is certainly long enough to count.");
        h2.tx(() -> votes.vote(answerer, third.number(), VoteType.UP));

        assertEquals(
                List.of(third.number(), second.number(), first.number()),
                numbers(h2.tx(() -> listings.list(site.id(), QuestionSort.NEWEST, 1, 10))));
        assertEquals(
                third.number(),
                numbers(h2.tx(() -> listings.list(site.id(), QuestionSort.VOTES, 1, 10)))
                        .get(0));
        assertEquals(
                List.of(third.number(), second.number()),
                numbers(h2.tx(() -> listings.list(site.id(), QuestionSort.UNANSWERED, 1, 10))));
        assertEquals(
                2,
                h2.tx(() -> listings.list(site.id(), QuestionSort.UNANSWERED, 1, 10))
                        .total());
        assertEquals(
                first.number(),
                numbers(h2.tx(() -> listings.list(site.id(), QuestionSort.ACTIVE, 1, 10)))
                        .get(0));
        assertEquals(
                3,
                h2.tx(() -> listings.list(site.id(), QuestionSort.HOT, 1, 10)).total());
        assertEquals(3, h2.tx(() -> listings.hot(site.id(), 5)).size());

        Page<QuestionSummary> page2 = h2.tx(() -> listings.list(site.id(), QuestionSort.NEWEST, 2, 2));
        assertEquals(3, page2.total());
        assertEquals(2, page2.totalPages());
        assertEquals(List.of(first.number()), numbers(page2));
        assertEquals(numbers(h2.tx(() -> listings.list(site.id(), null, -5, 0))), List.of(third.number()));

        assertEquals(
                List.of(second.number(), first.number()),
                numbers(h2.tx(() -> listings.tagged(site.id(), List.of("wheels"), QuestionSort.NEWEST, 1, 10))));
        assertEquals(
                List.of(second.number()),
                numbers(h2.tx(
                        () -> listings.tagged(site.id(), List.of("Wheels", "tyres"), QuestionSort.VOTES, 1, 10))));
        assertEquals(
                List.of(second.number()),
                numbers(h2.tx(() -> listings.tagged(site.id(), List.of("wheels+tyres"), QuestionSort.NEWEST, 1, 10))));
        assertEquals(
                0,
                h2.tx(() -> listings.tagged(site.id(), List.of("no-such-tag"), QuestionSort.NEWEST, 1, 10))
                        .total());
        assertEquals(
                0,
                h2.tx(() -> listings.tagged(site.id(), List.of("wheels", "nope"), QuestionSort.NEWEST, 1, 10))
                        .total());
        assertEquals(
                0,
                h2.tx(() -> listings.tagged(site.id(), List.of(), QuestionSort.NEWEST, 1, 10))
                        .total());
        assertThrows(
                InvalidInputException.class,
                () -> h2.tx(() -> listings.tagged(site.id(), List.of("bad!"), QuestionSort.NEWEST, 1, 10)));

        QuestionSummary row = h2.tx(() -> listings.list(site.id(), QuestionSort.NEWEST, 1, 10))
                .items()
                .get(1);
        assertEquals(List.of("tyres", "wheels"), row.tags());
        assertEquals("Ada Asker", row.owner().displayName());
        assertEquals(askerRef.number(), row.owner().number());
    }

    @Test
    void listPagesAreNotNPlusOne() {
        for (int i = 0; i < 25; i++) {
            String name = "user" + i;
            h2.tx(() -> users.createUser(site.id(), name, "User " + name, PASSWORD, Role.USER));
            Actor actor = h2.tx(() -> users.actorFor(site.id(), name).orElseThrow());
            ask(actor, "Question number " + i + " about something?", "tag" + (i % 7), "common");
        }
        h2.statistics().clear();
        Page<QuestionSummary> page = h2.tx(() -> listings.list(site.id(), QuestionSort.ACTIVE, 1, 50));
        assertEquals(25, page.items().size());
        assertStatements(2, "a list page: rows with owners, and the count");

        h2.statistics().clear();
        Page<QuestionSummary> tagged =
                h2.tx(() -> listings.tagged(site.id(), List.of("common", "tag3"), QuestionSort.VOTES, 1, 50));
        assertEquals(4, tagged.total());
        assertStatements(3, "a tagged page: the tags, rows with owners, and the count");
    }

    @Test
    void aQuestionPageTakesAFixedNumberOfQueries() {
        QuestionSummary q = ask(asker, "A question with many answers and comments?", "many");
        for (int n = 0; n < 6; n++) {
            int i = n;
            String name = "helper" + i;
            h2.tx(() -> users.createUser(site.id(), name, "Helper " + i, PASSWORD, Role.USER));
            Actor helper = h2.tx(() -> users.actorFor(site.id(), name).orElseThrow());
            long a = answer(helper, q.number(), "Answer number " + i + " which is long enough to count.");
            h2.tx(() -> comments.comment(helper, a, "A comment on my own answer " + i));
            h2.tx(() -> comments.comment(helper, q.number(), "A comment on the question " + i));
            h2.tx(() -> votes.vote(asker, a, VoteType.UP));
        }
        h2.statistics().clear();
        QuestionDetail detail = h2.tx(() -> questions.view(site.id(), q.number(), asker));
        assertEquals(6, detail.answers().size());
        assertEquals(6, detail.comments().size());
        assertTrue(detail.answers().stream().allMatch(a -> a.comments().size() == 1 && a.myVote() == VoteType.UP));
        assertStatements(4, "question with owner, answers with owners, comments with owners, my votes");
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        QuestionSummary q = ask(asker, "Which writes survive when many arrive together?", "concurrency");
        List<Actor> crowd = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "crowd" + i;
            h2.tx(() -> users.createUser(site.id(), name, "Crowd " + name, PASSWORD, Role.USER));
            crowd.add(h2.tx(() -> users.actorFor(site.id(), name).orElseThrow()));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
            for (Actor member : crowd) {
                work.add(pool.submit(() -> h2.tx(() -> votes.vote(member, q.number(), VoteType.UP))));
                work.add(
                        pool.submit(() -> answer(member, q.number(), "An answer written at the same time as others.")));
                work.add(pool.submit(() -> h2.run(() -> questions.recordView(site.id(), q.number()))));
            }
            for (var f : work) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        QuestionDetail detail = h2.tx(() -> questions.view(site.id(), q.number(), null));
        assertEquals(8, detail.score());
        assertEquals(8, detail.answers().size());
        assertEquals(8, detail.viewCount());
        assertEquals(
                8, detail.answers().stream().map(AnswerView::number).distinct().count());
        assertEquals(1 + 8 * 10, reputation(askerRef));
        assertEquals(
                8,
                h2.tx(() -> listings.list(site.id(), QuestionSort.NEWEST, 1, 5))
                        .items()
                        .get(0)
                        .answerCount());
    }

    @Test
    void everyBadFieldIsReportedAtOnceUnderItsName() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> h2.tx(() -> questions.ask(asker, "Too short?", "short", List.of("a", "b", "c", "d", "e", "f"))));
        assertEquals(
                List.of("title", "body", "tags"),
                e.problems().stream().map(InvalidInputException::field).toList());
        assertTrue(e.problems().get(2).getMessage().contains("at most 5 tags"), e.getMessage());
        InvalidInputException accented = assertThrows(
                InvalidInputException.class,
                () -> h2.tx(() -> questions.ask(asker, "A long enough title for a question?", BODY, List.of("café"))));
        assertEquals("tags", accented.field());
        assertTrue(accented.getMessage().contains("a–z, 0–9, + # . -"), accented.getMessage());
    }

    @Test
    void badInputIsRejectedWithAMessageAndNothingIsStored() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ask(asker, "Too short?", "gears"));
        assertFalse(e.getMessage().isBlank());
        assertThrows(InvalidInputException.class, () -> ask(asker, "A long enough title for a question?"));
        assertThrows(
                InvalidInputException.class,
                () -> ask(asker, "A long enough title for a question?", "a", "b", "c", "d", "e", "f"));
        InvalidInputException badTag = assertThrows(
                InvalidInputException.class, () -> ask(asker, "A long enough title for a question?", "bad tag!"));
        assertTrue(badTag.getMessage().contains("tag!"), badTag.getMessage());
        assertThrows(
                InvalidInputException.class,
                () -> h2.tx(() -> questions.ask(asker, "A long enough title for a question?", "short", List.of("x"))));
        assertEquals(
                0,
                h2.tx(() -> listings.list(site.id(), QuestionSort.NEWEST, 1, 10))
                        .total());
        assertTrue(h2.tx(() -> tags.list(site.id(), null, 1, 10)).items().isEmpty());
    }

    @Test
    void anonymousUsersAndStrangersAreRefused() {
        QuestionSummary q = ask(asker, "Is it safe to ride with a worn chain?", "chain");
        long a = answer(answerer, q.number(), "Replace it now, before it wears the cassette as well.");

        assertEquals(
                "Log in to vote.",
                assertThrows(NotAllowedException.class, () -> h2.tx(() -> votes.vote(null, a, VoteType.UP)))
                        .getMessage());
        assertThrows(
                NotAllowedException.class,
                () -> h2.tx(() -> questions.ask(null, "A question from nobody at all?", BODY, List.of("x"))));
        assertThrows(NotAllowedException.class, () -> answer(null, q.number(), "An anonymous answer, long enough."));
        assertThrows(
                NotAllowedException.class, () -> h2.tx(() -> comments.comment(null, a, "An anonymous comment here.")));
        assertThrows(NotAllowedException.class, () -> h2.tx(() -> votes.vote(asker, q.number(), VoteType.UP)));
        assertThrows(NotAllowedException.class, () -> h2.tx(() -> votes.vote(answerer, a, VoteType.UP)));
        assertThrows(NotAllowedException.class, () -> h2.run(() -> questions.accept(answerer, a)));
        assertThrows(
                NotFoundException.class,
                () -> h2.run(() -> questions.accept(asker, q.number())),
                "a question is not an answer");
        assertThrows(NotFoundException.class, () -> h2.tx(() -> votes.vote(answerer, 9999, VoteType.UP)));

        Actor elsewhere = new Actor(asker.userId(), site.id() + 1000, Role.USER);
        assertThrows(
                NotAllowedException.class,
                () -> h2.tx(() -> votes.vote(elsewhere, a, VoteType.UP)),
                "an actor of another site");

        QuestionDetail detail = h2.tx(() -> questions.view(site.id(), q.number(), null));
        assertEquals(0, detail.answers().get(0).score());
        assertNull(detail.acceptedAnswerNumber());
    }

    @Test
    void ownersAndModeratorsEditAndCountsFollow() {
        QuestionSummary q = ask(asker, "Is it safe to ride with a worn chain?", "chain", "safety");
        long a = answer(answerer, q.number(), "Replace it now, before it wears the cassette as well.");
        h2.tx(() -> users.createUser(site.id(), "mod", "Mo Derator", PASSWORD, Role.MODERATOR));
        Actor moderator = h2.tx(() -> users.actorFor(site.id(), "mod").orElseThrow());

        assertThrows(
                NotAllowedException.class,
                () -> h2.run(() -> questions.edit(
                        answerer,
                        q.number(),
                        "Bob rewrites the title of Alice?",
                        "Bob's body, which is long enough.",
                        List.of("chain"))));
        assertThrows(NotAllowedException.class, () -> h2.tx(() -> questions.forEdit(asker, a)));
        assertThrows(NotAllowedException.class, () -> h2.tx(() -> questions.forEdit(null, a)));

        PostForEdit form = h2.tx(() -> questions.forEdit(asker, q.number()));
        assertTrue(form.question());
        assertEquals("chain safety", form.tags());
        assertEquals(BODY, form.bodyMarkdown());
        PostForEdit answerForm = h2.tx(() -> questions.forEdit(moderator, a));
        assertFalse(answerForm.question());
        assertEquals(q.number(), answerForm.questionNumber());
        assertEquals("is-it-safe-to-ride-with-a-worn-chain", answerForm.questionSlug());

        long before = rowVersion(q.number());
        h2.run(() -> questions.edit(
                asker,
                q.number(),
                "Is it safe to ride with a worn chain at all?",
                BODY + " Edited.",
                List.of("chain", "drivetrain")));
        h2.run(() ->
                questions.edit(moderator, a, null, "Replace it now; a worn chain wears the cassette too.", List.of()));
        assertTrue(rowVersion(q.number()) > before);

        QuestionDetail detail = h2.tx(() -> questions.view(site.id(), q.number(), null));
        assertEquals("Is it safe to ride with a worn chain at all?", detail.title());
        assertEquals(List.of("chain", "drivetrain"), detail.tags());
        assertTrue(detail.answers().get(0).bodyHtml().contains("wears the cassette too"));
        assertTrue(detail.answers().get(0).lastEditedAt() != null);
        // The tag list shows tags in use: "safety" has no question left.
        assertEquals(
                Set.of(new TagCount("chain", 1), new TagCount("drivetrain", 1)),
                Set.copyOf(h2.tx(() -> tags.list(site.id(), null, 1, 10)).items()));
    }

    @Test
    void viewsAreCountedWithoutANewRowVersionAndChangesGetOne() {
        QuestionSummary q = ask(asker, "How many people read this question?", "views");
        long asked = rowVersion(q.number());

        h2.run(() -> questions.recordView(site.id(), q.number()));
        h2.run(() -> questions.recordView(site.id(), q.number()));
        h2.run(() -> questions.recordView(site.id(), 424242));

        assertEquals(2, h2.tx(() -> questions.view(site.id(), q.number(), null)).viewCount());
        assertEquals(asked, rowVersion(q.number()), "a view is not a change");

        long a = answer(answerer, q.number(), "Everybody who opens the page, counted once per view.");
        long answered = rowVersion(q.number());
        assertTrue(answered > asked);
        assertTrue(rowVersion(a) > asked);
        h2.tx(() -> votes.vote(asker, a, VoteType.UP));
        assertTrue(rowVersion(a) > answered);
    }

    @Test
    void anUpdateWritesOnlyChangedColumnsSoAViewCountInBetweenSurvives() {
        QuestionSummary q = ask(asker, "Does a stale entity overwrite the view count?", "views");
        EntityManager stale = h2.direct();
        try {
            stale.getTransaction().begin();
            Question loaded = stale.createNamedQuery("Question.findByNumber", Question.class)
                    .setParameter("site", site.id())
                    .setParameter("number", q.number())
                    .getSingleResult();
            h2.run(() -> questions.recordView(site.id(), q.number()));
            loaded.touch(loaded.getRowVersion() + 1_000);
            stale.getTransaction().commit();
        } finally {
            stale.close();
        }
        assertEquals(1, h2.tx(() -> questions.view(site.id(), q.number(), null)).viewCount());
    }

    @Test
    void privilegesFollowTheSitesLadder() {
        SiteInfo beer = h2.tx(() -> sites.ensureSite("beer.localhost", "beer", "Beer", ""));
        for (String u : List.of("brewer", "taster", "keeper")) {
            h2.tx(() -> users.createUser(beer.id(), u, "User " + u, PASSWORD, Role.USER));
        }
        h2.tx(() -> users.createUser(beer.id(), "mod", "The Moderator", PASSWORD, Role.MODERATOR));
        Actor brewer = h2.tx(() -> users.actorFor(beer.id(), "brewer").orElseThrow());
        Actor taster = h2.tx(() -> users.actorFor(beer.id(), "taster").orElseThrow());
        Actor keeper = h2.tx(() -> users.actorFor(beer.id(), "keeper").orElseThrow());
        Actor mod = h2.tx(() -> users.actorFor(beer.id(), "mod").orElseThrow());
        QuestionSummary q =
                h2.tx(() -> questions.ask(brewer, "Why is my pale ale so cloudy today?", BODY, List.of("ale")));
        long a = h2.tx(() -> questions.answer(taster, q.number(), "Chill haze: cold-crash it for two days first."));

        // A new user (1 point): no votes, no comments on others' posts, no edits of them; each refusal says why.
        NotAllowedException up = assertThrows(
                NotAllowedException.class, () -> h2.run(() -> votes.vote(taster, q.number(), VoteType.UP)));
        assertTrue(up.getMessage().contains("“Vote up”") && up.getMessage().contains("15 reputation"), up.getMessage());
        NotAllowedException comment = assertThrows(
                NotAllowedException.class,
                () -> h2.run(() -> comments.comment(keeper, q.number(), "Which yeast did you pitch, and how much?")));
        assertTrue(comment.getMessage().contains("“Comment everywhere”"), comment.getMessage());
        NotAllowedException edit = assertThrows(
                NotAllowedException.class,
                () -> h2.run(() ->
                        questions.edit(keeper, q.number(), "Why is my pale ale so cloudy now?", BODY, List.of("ale"))));
        assertTrue(
                edit.getMessage().contains("“Edit freely”") && edit.getMessage().contains("2,000"), edit.getMessage());
        // ... but comments on one's own post, and by the asker on answers to their question, at any reputation.
        h2.run(() -> comments.comment(taster, a, "Two days at two degrees, then it clears."));
        h2.run(() -> comments.comment(brewer, a, "Thanks, I will try the cold crash first."));

        // 15 points: vote up, not down (125), and a vote can always be taken back.
        reputation(beer, "taster", 15);
        assertEquals(1, h2.tx(() -> votes.vote(taster, q.number(), VoteType.UP)).score());
        NotAllowedException down = assertThrows(
                NotAllowedException.class, () -> h2.run(() -> votes.vote(taster, q.number(), VoteType.DOWN)));
        assertTrue(
                down.getMessage().contains("“Vote down”") && down.getMessage().contains("125"), down.getMessage());
        reputation(beer, "taster", 1);
        assertNull(h2.tx(() -> votes.vote(taster, q.number(), VoteType.UP)).myVote(), "retracted at 1 point");

        // 2,000 points: edit anyone's post; a moderator does everything from their first point.
        reputation(beer, "keeper", 2_000);
        h2.run(() -> questions.edit(keeper, q.number(), "Why is my pale ale so cloudy now?", BODY, List.of("ale")));
        h2.run(() -> comments.comment(keeper, q.number(), "Which yeast did you pitch, and how much?"));
        assertEquals(-1, h2.tx(() -> votes.vote(mod, a, VoteType.DOWN)).score());

        // The ladder is the site's own: lowered on beer, the bicycles site's users are unaffected, and back.
        h2.tx(() ->
                sites.changePrivileges(new Actor(0, beer.id(), Role.ADMIN), beer.id(), Map.of(Privilege.VOTE_DOWN, 1)));
        assertEquals(-2, h2.tx(() -> votes.vote(brewer, a, VoteType.DOWN)).score());
        h2.tx(() -> sites.changePrivileges(new Actor(0, site.id(), Role.ADMIN), site.id(), Map.of()));
        QuestionSummary bike = ask(asker, "Why is my chain squeaking so loudly?", "chain");
        assertThrows(NotAllowedException.class, () -> h2.run(() -> votes.vote(answerer, bike.number(), VoteType.DOWN)));
    }

    @Test
    void moderatorsLockPostsAgainstVotesEditsCommentsAndAnswers() {
        h2.tx(() -> users.createUser(site.id(), "mod", "The Moderator", PASSWORD, Role.MODERATOR));
        Actor mod = h2.tx(() -> users.actorFor(site.id(), "mod").orElseThrow());
        QuestionSummary q = ask(asker, "How do I tune a derailleur quickly?", "gears");
        long a = answer(answerer, q.number(), "Turn the barrel adjuster a quarter turn at a time.");

        assertThrows(NotAllowedException.class, () -> h2.run(() -> questions.lock(answerer, q.number(), true)));
        h2.run(() -> questions.lock(mod, q.number(), true));
        h2.run(() -> questions.lock(mod, q.number(), true)); // again: nothing changes
        QuestionDetail locked = h2.tx(() -> questions.view(site.id(), q.number(), null));
        assertTrue(locked.locked());
        assertFalse(locked.answers().get(0).locked(), "its answers stay open");

        for (Runnable refused : List.<Runnable>of(
                () -> votes.vote(answerer, q.number(), VoteType.UP),
                () -> comments.comment(answerer, q.number(), "Which derailleur is it, front or rear?"),
                () -> questions.edit(asker, q.number(), "How do I tune a derailleur fast?", BODY, List.of("gears")),
                () -> questions.answer(answerer, q.number(), "Check the hanger alignment before anything else."),
                () -> votes.vote(mod, q.number(), VoteType.UP))) {
            NotAllowedException e = assertThrows(NotAllowedException.class, () -> h2.run(refused));
            assertTrue(e.getMessage().contains("locked"), e.getMessage());
        }
        // Moderators still edit, comment and answer; the answer takes votes.
        h2.run(() -> questions.edit(mod, q.number(), "How do I tune a derailleur fast?", BODY, List.of("gears")));
        h2.run(() -> comments.comment(mod, q.number(), "Locked while we sort out the edit war."));
        h2.run(() -> questions.answer(mod, q.number(), "Moderators may still answer a locked question."));
        assertEquals(1, h2.tx(() -> votes.vote(asker, a, VoteType.UP)).score());

        h2.run(() -> questions.lock(mod, q.number(), false));
        assertFalse(h2.tx(() -> questions.view(site.id(), q.number(), null)).locked());
        assertEquals(
                1, h2.tx(() -> votes.vote(answerer, q.number(), VoteType.UP)).score());

        h2.run(() -> questions.lock(mod, a, true));
        assertTrue(h2.tx(() -> questions.view(site.id(), q.number(), null)).answers().stream()
                .filter(x -> x.number() == a)
                .findFirst()
                .orElseThrow()
                .locked());
        assertThrows(NotAllowedException.class, () -> h2.run(() -> votes.vote(asker, a, VoteType.UP)));
    }

    private void reputation(SiteInfo on, String username, int points) {
        h2.run(() -> {
            org.parley.user.User u = h2.bean(EntityManager.class)
                    .createQuery(
                            "select u from User u where u.site.id = :site and u.username = :name",
                            org.parley.user.User.class)
                    .setParameter("site", on.id())
                    .setParameter("name", username)
                    .getSingleResult();
            u.changeReputation(points - u.getReputation());
        });
    }

    @Test
    void communityWikiPostsAreEditableFromTheirPrivilegeAndOthersFromEditFreely() {
        QuestionSummary cw = ask(asker, "Which tools belong in a saddlebag kit?", "tools");
        QuestionSummary plain = ask(asker, "Which pump fits in a saddlebag kit?", "tools");
        h2.run(() -> h2.bean(EntityManager.class)
                .createQuery("update Question q set q.communityOwnedAt = :now"
                        + " where q.site.id = :site and q.number = :n")
                .setParameter("now", java.time.Instant.now())
                .setParameter("site", site.id())
                .setParameter("n", cw.number())
                .executeUpdate());
        reputation(site, "answerer", 99);
        assertThrows(
                NotAllowedException.class,
                () -> h2.run(() -> questions.edit(
                        answerer, cw.number(), "Which tools belong in every saddlebag kit?", BODY, List.of("tools"))));
        reputation(site, "answerer", 100);
        h2.run(() -> questions.edit(
                answerer, cw.number(), "Which tools belong in every saddlebag kit?", BODY, List.of("tools")));
        NotAllowedException plainRefused = assertThrows(
                NotAllowedException.class,
                () -> h2.run(() -> questions.edit(
                        answerer, plain.number(), "Which pump fits in every saddlebag kit?", BODY, List.of("tools"))));
        assertTrue(plainRefused.getMessage().contains("“Edit freely”"), plainRefused.getMessage());
    }

    @Test
    void numbersArePerSiteAndSitesDoNotSeeEachOther() {
        SiteInfo beer = h2.tx(() -> sites.ensureSite("beer.localhost", "beer", "Beer", ""));
        h2.tx(() -> users.createUser(beer.id(), "brewer", "Brewer", PASSWORD, Role.USER));
        Actor brewer = h2.tx(() -> users.actorFor(beer.id(), "brewer").orElseThrow());
        assertEquals(
                1, h2.tx(() -> profiles.profile(beer.id(), 1)).orElseThrow().number());

        QuestionSummary bike = ask(asker, "Why is my chain squeaking so loudly?", "chain");
        QuestionSummary ale = ask(brewer, "Why is my pale ale so cloudy today?", "ale");
        assertEquals(1, bike.number());
        assertEquals(1, ale.number());
        assertEquals(2, answer(answerer, bike.number(), "Lubricate it, then wipe off what is left over."));

        assertEquals(
                "Why is my pale ale so cloudy today?",
                h2.tx(() -> questions.view(beer.id(), 1, null)).title());
        assertThrows(NotFoundException.class, () -> h2.tx(() -> questions.view(beer.id(), 2, null)));
        assertEquals(
                0,
                h2.tx(() -> listings.tagged(beer.id(), List.of("chain"), QuestionSort.NEWEST, 1, 10))
                        .total());
        assertEquals(
                List.of("ale"),
                h2.tx(() -> tags.list(beer.id(), null, 1, 10)).items().stream()
                        .map(TagCount::name)
                        .toList());
        assertTrue(h2.tx(() -> users.actorFor(beer.id(), "asker")).isEmpty());
        assertThrows(
                NotFoundException.class,
                () -> h2.tx(() -> votes.vote(brewer, 2, VoteType.UP)),
                "bike's answer is not on beer");
    }

    @Test
    void anAnswerNumberLeadsToItsQuestion() {
        QuestionSummary q = ask(asker, "Where does this answer belong to?", "links");
        long a = answer(answerer, q.number(), "It belongs to the question above, of course.");

        assertEquals(q.number(), h2.tx(() -> questions.questionNumberOf(site.id(), a)));
        assertEquals(q.number(), h2.tx(() -> questions.questionNumberOf(site.id(), q.number())));
        assertEquals("where-does-this-answer-belong-to", h2.tx(() -> questions.slugOfQuestionContaining(site.id(), a)));
        assertThrows(NotFoundException.class, () -> h2.tx(() -> questions.view(site.id(), a, null)));
        assertThrows(NotFoundException.class, () -> h2.tx(() -> questions.questionNumberOf(site.id(), 999)));
    }

    @Test
    void tagsListAndCompletePopularFirst() {
        ask(asker, "First question about java records?", "java", "records");
        ask(asker, "Second question about java streams?", "java", "streams");
        ask(asker, "Third question about javascript promises?", "javascript");

        assertEquals(List.of("java", "javascript"), h2.tx(() -> tags.complete(site.id(), "JAV", 10)));
        assertEquals(List.of("java"), h2.tx(() -> tags.complete(site.id(), "jav", 1)));
        assertTrue(h2.tx(() -> tags.complete(site.id(), "", 10)).isEmpty());
        assertTrue(h2.tx(() -> tags.complete(site.id(), "%", 10)).isEmpty());
        Page<TagCount> all = h2.tx(() -> tags.list(site.id(), null, 1, 2));
        assertEquals(4, all.total());
        assertEquals(new TagCount("java", 2), all.items().get(0));
        assertEquals(
                List.of("records", "streams"),
                h2.tx(() -> tags.list(site.id(), null, 2, 2)).items().stream()
                        .map(TagCount::name)
                        .collect(Collectors.toList()));
        assertEquals(1, h2.tx(() -> tags.list(site.id(), "s", 1, 10)).total());
    }

    @Test
    void theRowVersionSequenceExists() {
        EntityManager em = h2.direct();
        try {
            Number count = (Number) em.createNativeQuery(
                            "select count(*) from information_schema.sequences where lower(sequence_name) = 'post_row_version_seq'")
                    .getSingleResult();
            assertEquals(1, count.intValue());
        } finally {
            em.close();
        }
        long a = h2.tx(() -> h2.bean(PostRepository.class).nextRowVersion());
        long b = h2.tx(() -> h2.bean(PostRepository.class).nextRowVersion());
        assertNotEquals(a, b);
        assertTrue(b > a);
    }

    @Test
    void listQueriesHaveTheirIndexes() {
        EntityManager em = h2.direct();
        try {
            List<?> names = em.createNativeQuery("select lower(index_name) from information_schema.indexes")
                    .getResultList();
            for (String index : List.of(
                    "idx_post_site_type_created",
                    "idx_post_site_type_activity",
                    "idx_post_site_type_score",
                    "idx_post_site_type_answers",
                    "idx_post_question_score",
                    "idx_question_tag_tag",
                    "idx_comment_post_created",
                    "idx_tag_site_count")) {
                assertTrue(names.contains(index), index + " in " + names);
            }
        } finally {
            em.close();
        }
    }

    private void assertStatements(int most, String what) {
        long count = h2.statistics().getPrepareStatementCount();
        assertTrue(count >= 1 && count <= most, what + ": expected at most " + most + " statements, ran " + count);
    }

    private long rowVersion(long number) {
        return h2.tx(() -> h2.bean(PostRepository.class).find(site.id(), number).getRowVersion());
    }

    private static List<Long> numbers(Page<QuestionSummary> page) {
        return page.items().stream().map(QuestionSummary::number).toList();
    }
}
