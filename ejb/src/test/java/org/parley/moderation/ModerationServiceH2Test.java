package org.parley.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.link.LinkService;
import org.parley.listing.TagIndexLoader;
import org.parley.post.CacheInvalidation;
import org.parley.post.CommentService;
import org.parley.post.PostChanged;
import org.parley.post.QuestionDetail;
import org.parley.post.QuestionPages;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.post.VoteService;
import org.parley.post.VoteType;
import org.parley.revision.PostRevision;
import org.parley.revision.RevisionService;
import org.parley.revision.RevisionWriter;
import org.parley.rules.ConflictException;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.site.Limit;
import org.parley.site.Privilege;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;
import org.parley.user.User;
import org.parley.user.UserService;

/**
 * Closing, reopening, deleting and undeleting on Hibernate and H2: who may, how many votes it takes, what a closed or
 * deleted post refuses, who still sees a deleted post, and the history rows, links, counts and events each leaves.
 */
class ModerationServiceH2Test {

    private static final String BODY = "Some **markdown** body that is long enough to be a real question.";
    private static final String ANSWER = "An answer that is long enough to be posted on the site.";
    private static final String PASSWORD = "correct-horse-battery";

    private H2Services h2;
    private ModerationService moderation;
    private QuestionService questions;
    private QuestionPages pages;
    private VoteService votes;
    private CommentService comments;
    private SiteService sites;
    private UserService users;
    private SiteInfo site;
    private Actor asker;
    private Actor answerer;
    private Actor mod;
    private final List<Actor> closers = new ArrayList<>();

    @BeforeEach
    void aSiteWithUsers() {
        h2 = new H2Services();
        h2.bean(RevisionWriter.class);
        h2.bean(CacheInvalidation.class); // question pages are cached: a change drops its page, as on a server
        moderation = h2.bean(ModerationService.class);
        questions = h2.bean(QuestionService.class);
        pages = h2.bean(QuestionPages.class);
        votes = h2.bean(VoteService.class);
        comments = h2.bean(CommentService.class);
        sites = h2.bean(SiteService.class);
        users = h2.bean(UserService.class);
        site = h2.tx(() -> sites.ensureSite("bicycles.localhost", "bicycles", "Bicycles", "Bikes"));
        h2.tx(() -> sites.changePrivileges(
                new Actor(0, site.id(), Role.ADMIN),
                site.id(),
                Map.of(Privilege.VOTE_UP, 1, Privilege.VOTE_DOWN, 1, Privilege.COMMENT_EVERYWHERE, 1)));
        asker = user(site, "asker", Role.USER, 10); // asks several questions: not a new user
        answerer = user(site, "answerer", Role.USER, 1);
        mod = user(site, "moderator", Role.MODERATOR, 1);
        for (int i = 1; i <= 6; i++) {
            closers.add(user(site, "closer" + i, Role.USER, 3_000));
        }
    }

    @AfterEach
    void closeDatabase() {
        h2.close();
    }

    private Actor user(SiteInfo on, String name, Role role, int reputation) {
        h2.tx(() -> users.createUser(on.id(), name, "User " + name, PASSWORD, role));
        Actor actor = h2.tx(() -> users.actorFor(on.id(), name).orElseThrow());
        setReputation(actor, reputation);
        return actor;
    }

    private void setReputation(Actor actor, int points) {
        h2.run(() -> {
            User u = h2.bean(EntityManager.class).find(User.class, actor.userId());
            u.changeReputation(points - u.getReputation());
        });
    }

    private QuestionSummary ask(String title, String... tags) {
        return h2.tx(() -> questions.ask(asker, title, BODY, List.of(tags)));
    }

    private List<PostRevision> history(long post, int type) {
        return h2.tx(() -> h2.bean(EntityManager.class)
                .createQuery(
                        "select r from PostRevision r where r.siteId = :site and r.postNumber = :n"
                                + " and r.historyTypeId = :t order by r.dumpId",
                        PostRevision.class)
                .setParameter("site", site.id())
                .setParameter("n", post)
                .setParameter("t", type)
                .getResultList());
    }

    @Test
    void fiveVotesCloseWithTheMostCommonReasonAndFiveReopen() {
        QuestionSummary q = ask("Which saddle is the most comfortable one?", "saddles");
        assertEquals(
                new Outcome(1, 5, false),
                h2.tx(() -> moderation.voteToClose(closers.get(0), q.number(), CloseReason.NEEDS_FOCUS, null, null)));
        ConflictException twice = assertThrows(
                ConflictException.class,
                () -> h2.run(() ->
                        moderation.voteToClose(closers.get(0), q.number(), CloseReason.OPINION_BASED, null, null)));
        assertEquals("You already voted to close this question.", twice.getMessage());
        for (int i = 1; i < 4; i++) {
            Actor c = closers.get(i);
            Outcome o = h2.tx(() -> moderation.voteToClose(c, q.number(), CloseReason.OPINION_BASED, null, null));
            assertFalse(o.done());
            assertEquals(i + 1, o.votes());
        }
        assertNull(h2.tx(() -> pages.view(site.id(), q.number(), null)).closedAt(), "four votes do not close it");
        assertEquals(
                4,
                h2.tx(() -> moderation.tallies(site.id(), List.of(q.number()), closers.get(0)))
                        .get(q.number())
                        .count(VoteKind.CLOSE));
        int before = h2.events.size();
        Outcome fifth =
                h2.tx(() -> moderation.voteToClose(closers.get(4), q.number(), CloseReason.NEEDS_FOCUS, null, null));
        assertEquals(new Outcome(5, 5, true), fifth);
        assertTrue(h2.events
                .subList(before, h2.events.size())
                .contains(new PostChanged(site.id(), q.number(), q.number(), PostChanged.Kind.CLOSED)));

        QuestionDetail closed = h2.tx(() -> pages.view(site.id(), q.number(), null));
        assertNotNull(closed.closedAt());
        Closure why = h2.tx(() -> moderation.closure(site.id(), q.number()));
        assertEquals(CloseReason.OPINION_BASED, why.reason(), "three opinion-based votes against two");
        assertEquals("opinion-based", why.reasonText());
        assertEquals(
                List.of("User closer1", "User closer2", "User closer3", "User closer4", "User closer5"),
                why.closers().stream().map(Closure.Closer::displayName).toList());
        List<PostRevision> rows = history(q.number(), 10);
        assertEquals(1, rows.size());
        assertEquals("105", rows.get(0).getComment());

        // Closed: no answers, no sixth close vote; the page's votes are gone.
        assertThrows(NotAllowedException.class, () -> h2.run(() -> questions.answer(answerer, q.number(), ANSWER)));
        assertThrows(
                ConflictException.class,
                () -> h2.run(
                        () -> moderation.voteToClose(closers.get(5), q.number(), CloseReason.DUPLICATE, "1", null)));
        assertTrue(h2.tx(() -> moderation.tallies(site.id(), List.of(q.number()), null))
                .isEmpty());

        for (int i = 0; i < 4; i++) {
            Actor c = closers.get(i);
            assertFalse(h2.tx(() -> moderation.voteToReopen(c, q.number())).done());
        }
        assertTrue(
                h2.tx(() -> moderation.voteToReopen(closers.get(5), q.number())).done());
        assertNull(h2.tx(() -> pages.view(site.id(), q.number(), null)).closedAt());
        assertNull(h2.tx(() -> moderation.closure(site.id(), q.number())));
        assertEquals(1, history(q.number(), 11).size());
        h2.tx(() -> questions.answer(answerer, q.number(), ANSWER));

        // A new round: the earlier closers may vote again.
        assertEquals(
                1,
                h2.tx(() -> moderation.voteToClose(closers.get(0), q.number(), CloseReason.NEEDS_FOCUS, null, null))
                        .votes());
    }

    @Test
    void closingNeedsThePrivilegeAReasonAndAnOriginalForADuplicate() {
        QuestionSummary q = ask("Which saddle is the most comfortable one?", "saddles");
        NotAllowedException refused = assertThrows(
                NotAllowedException.class,
                () -> h2.run(() -> moderation.voteToClose(answerer, q.number(), CloseReason.NEEDS_FOCUS, null, null)));
        assertTrue(
                refused.getMessage().contains("“Cast close and reopen votes”")
                        && refused.getMessage().contains("3,000 reputation"),
                refused.getMessage());
        InvalidInputException noReason = assertThrows(
                InvalidInputException.class,
                () -> h2.run(() -> moderation.voteToClose(closers.get(0), q.number(), null, null, null)));
        assertEquals("reason", noReason.field());
        InvalidInputException noOriginal = assertThrows(
                InvalidInputException.class,
                () -> h2.run(
                        () -> moderation.voteToClose(closers.get(0), q.number(), CloseReason.DUPLICATE, "", null)));
        assertEquals("duplicate", noOriginal.field());
        InvalidInputException itself = assertThrows(
                InvalidInputException.class,
                () -> h2.run(() -> moderation.voteToClose(
                        closers.get(0), q.number(), CloseReason.DUPLICATE, "/questions/" + q.number(), null)));
        assertTrue(itself.getMessage().contains("itself"), itself.getMessage());
        InvalidInputException missing = assertThrows(
                InvalidInputException.class,
                () -> h2.run(
                        () -> moderation.voteToClose(closers.get(0), q.number(), CloseReason.DUPLICATE, "999", null)));
        assertEquals("duplicate", missing.field());
        InvalidInputException noNote = assertThrows(
                InvalidInputException.class,
                () -> h2.run(
                        () -> moderation.voteToClose(closers.get(0), q.number(), CloseReason.OFF_TOPIC, null, "x")));
        assertEquals("note", noNote.field());
        assertTrue(
                h2.tx(() -> moderation.tallies(site.id(), List.of(q.number()), null))
                        .isEmpty(),
                "no vote kept");
    }

    @Test
    void aModeratorOrAGoldTagBadgeClosesADuplicateAtOnceAndReopeningDropsTheLink() {
        QuestionSummary original = ask("How do I true a wheel at home quickly?", "wheels");
        QuestionSummary copy = ask("How can I true my bicycle wheel at home?", "wheels");
        Outcome byMod = h2.tx(() -> moderation.voteToClose(
                mod,
                copy.number(),
                CloseReason.DUPLICATE,
                "https://bicycles.localhost/questions/" + original.number() + "/how-do-i",
                null));
        assertEquals(new Outcome(1, 5, true), byMod);
        Closure why = h2.tx(() -> moderation.closure(site.id(), copy.number()));
        assertEquals(CloseReason.DUPLICATE, why.reason());
        assertEquals(
                List.of(original.number()),
                why.originals().stream().map(Closure.Original::number).toList());
        LinkService links = h2.bean(LinkService.class);
        assertTrue(h2.tx(() -> links.listForQuestion(site.id(), original.number())).stream()
                .anyMatch(l -> l.number() == copy.number() && l.duplicate()));
        assertTrue(h2.tx(() -> links.listForQuestion(site.id(), copy.number())).stream()
                .anyMatch(l -> l.number() == original.number() && l.duplicateOf()));
        assertEquals(
                "{\"OriginalQuestionIds\":[" + original.number()
                        + "],\"Voters\":[{\"Id\":3,\"DisplayName\":\"User moderator\"}]}",
                history(copy.number(), 10).get(0).getText());

        assertTrue(h2.tx(() -> moderation.voteToReopen(mod, copy.number())).done());
        assertTrue(
                h2.tx(() -> links.listForQuestion(site.id(), original.number())).isEmpty());

        // A silver badge in the tag is an ordinary vote; a gold one closes a duplicate at once, other reasons not.
        badge(closers.get(0), "wheels", 2);
        assertFalse(h2.tx(() -> moderation.voteToClose(
                        closers.get(0), copy.number(), CloseReason.DUPLICATE, Long.toString(original.number()), null))
                .done());
        badge(closers.get(1), "wheels", 1);
        assertFalse(
                h2.tx(() -> moderation.voteToClose(closers.get(1), copy.number(), CloseReason.NEEDS_FOCUS, null, null))
                        .done());
        badge(closers.get(2), "wheels", 1);
        assertTrue(h2.tx(() -> moderation.voteToClose(
                        closers.get(2), copy.number(), CloseReason.DUPLICATE, "#" + original.number(), null))
                .done());
        assertEquals(
                1,
                h2.tx(() -> moderation.closure(site.id(), copy.number()))
                        .closers()
                        .size());
    }

    private void badge(Actor who, String tag, int badgeClass) {
        h2.run(() -> {
            EntityManager em = h2.bean(EntityManager.class);
            long number = em.find(User.class, who.userId()).getNumber();
            em.createNativeQuery(
                            "insert into badge (id, site_id, user_number, name, badge_class, tag_based, awarded_at)"
                                    + " values ((select coalesce(max(id), 0) + 1 from badge), ?1, ?2, ?3, ?4, true,"
                                    + " current_timestamp)")
                    .setParameter(1, site.id())
                    .setParameter(2, number)
                    .setParameter(3, tag)
                    .setParameter(4, badgeClass)
                    .executeUpdate();
        });
    }

    @Test
    void authorsDeleteTheirOwnPostsWithinTheRulesAndOnlySomeStillSeeThem() {
        ask("Why does my chain rust so quickly?", "chains");
        QuestionSummary q = ask("Why does my chain skip under load?", "chains", "drivetrain");
        long a = h2.tx(() -> questions.answer(answerer, q.number(), ANSWER));
        long b = h2.tx(() -> questions.answer(closers.get(0), q.number(), ANSWER + " Another one."));

        // An answer: its author deletes it; others no longer see it, its author and moderators do (marked deleted).
        assertTrue(h2.tx(() -> moderation.delete(answerer, a)).done());
        assertEquals(
                1,
                h2.tx(() -> pages.view(site.id(), q.number(), null)).answers().size());
        assertEquals(
                1,
                h2.tx(() -> pages.view(site.id(), q.number(), asker)).answers().size());
        QuestionDetail byAuthor = h2.tx(() -> pages.view(site.id(), q.number(), answerer));
        assertEquals(2, byAuthor.answers().size());
        assertTrue(byAuthor.answers().stream().anyMatch(x -> x.number() == a && x.deleted()));
        assertEquals(
                2, h2.tx(() -> pages.view(site.id(), q.number(), mod)).answers().size());
        assertEquals(1, answerCount(q.number()));
        assertEquals(1, history(a, 12).size());
        // A deleted post takes no votes, comments, edits or acceptance.
        assertThrows(NotAllowedException.class, () -> h2.run(() -> votes.vote(asker, a, VoteType.UP)));
        assertThrows(
                NotAllowedException.class, () -> h2.run(() -> comments.comment(asker, a, "A comment on it here.")));
        assertThrows(NotAllowedException.class, () -> h2.run(() -> questions.accept(asker, a)));
        assertThrows(ConflictException.class, () -> h2.run(() -> moderation.delete(answerer, a)), "deleted already");
        // Undeleted by its author, who deleted it.
        assertTrue(h2.tx(() -> moderation.undelete(answerer, a)).done());
        assertEquals(2, answerCount(q.number()));

        // An accepted answer stays; a question with an upvoted answer stays, unless its author is a trusted user.
        h2.run(() -> questions.accept(asker, b));
        NotAllowedException accepted =
                assertThrows(NotAllowedException.class, () -> h2.run(() -> moderation.delete(closers.get(0), b)));
        assertEquals("You can't delete an accepted answer.", accepted.getMessage());
        h2.tx(() -> votes.vote(answerer, b, VoteType.UP));
        assertThrows(NotAllowedException.class, () -> h2.run(() -> moderation.delete(asker, q.number())));
        setReputation(asker, 20_000);
        assertEquals(2, tagCount("chains"));
        assertTrue(h2.tx(() -> moderation.delete(asker, q.number())).done());
        assertEquals(1, tagCount("chains"), "a deleted question leaves its tags' counts");

        // The deleted question: gone for anonymous readers and other users, there for its author and moderators.
        assertThrows(NotFoundException.class, () -> h2.run(() -> pages.view(site.id(), q.number(), null)));
        assertThrows(NotFoundException.class, () -> h2.run(() -> pages.view(site.id(), q.number(), answerer)));
        assertTrue(h2.tx(() -> pages.view(site.id(), q.number(), asker)).deleted());
        assertTrue(h2.tx(() -> pages.view(site.id(), q.number(), mod)).deleted());
        assertThrows(NotAllowedException.class, () -> h2.run(() -> questions.answer(answerer, q.number(), ANSWER)));
        RevisionService revisions = h2.bean(RevisionService.class);
        assertThrows(NotFoundException.class, () -> h2.run(() -> revisions.page(site.id(), q.number(), answerer)));
        assertThrows(
                NotFoundException.class, () -> h2.run(() -> revisions.page(site.id(), a, null)), "its answers too");
        assertEquals(
                "Deleted",
                h2.tx(() -> revisions.page(site.id(), q.number(), asker))
                        .entries()
                        .get(0)
                        .heading());
        // Users with "Access to moderator tools" (10,000) see it too.
        setReputation(closers.get(5), 10_000);
        assertTrue(
                h2.tx(() -> pages.view(site.id(), q.number(), closers.get(5))).deleted());
        // Lists and the tag engine no longer have it.
        TagIndexLoader loader = h2.bean(TagIndexLoader.class);
        assertTrue(h2.tx(() -> loader.byNumbers(site.id(), List.of(q.number()))).isEmpty());
        assertTrue(h2.tx(() -> loader.changedSince(0, 100)).stream()
                .anyMatch(r -> r.row().number() == q.number() && r.deleted()));
        int[] streamed = {0};
        h2.tx(() -> loader.stream(site.id(), row -> streamed[0]++));
        assertEquals(1, streamed[0], "the other question only");

        assertTrue(h2.tx(() -> moderation.undelete(mod, q.number())).done());
        assertEquals(2, tagCount("chains"));
        assertFalse(h2.tx(() -> pages.view(site.id(), q.number(), null)).deleted());
    }

    @Test
    void usersWithTheDeletePrivilegeVoteOnClosedQuestionsAndNegativeAnswers() {
        QuestionSummary q = ask("Which saddle is the most comfortable one?", "saddles");
        long a = h2.tx(() -> questions.answer(answerer, q.number(), ANSWER));
        List<Actor> deleters = closers.subList(0, 4);
        deleters.forEach(d -> setReputation(d, 10_001)); // one goes on a down vote
        NotAllowedException notClosed = assertThrows(
                NotAllowedException.class, () -> h2.run(() -> moderation.delete(deleters.get(0), q.number())));
        assertTrue(notClosed.getMessage().contains("closed"), notClosed.getMessage());
        NotAllowedException notNegative =
                assertThrows(NotAllowedException.class, () -> h2.run(() -> moderation.delete(deleters.get(0), a)));
        assertTrue(notNegative.getMessage().contains("-1"), notNegative.getMessage());
        NotAllowedException noPrivilege =
                assertThrows(NotAllowedException.class, () -> h2.run(() -> moderation.delete(closers.get(5), a)));
        assertTrue(noPrivilege.getMessage().contains("“Cast delete votes”"), noPrivilege.getMessage());

        h2.tx(() -> votes.vote(deleters.get(0), a, VoteType.DOWN));
        assertEquals(new Outcome(1, 3, false), h2.tx(() -> moderation.delete(deleters.get(0), a)));
        assertEquals(new Outcome(2, 3, false), h2.tx(() -> moderation.delete(deleters.get(1), a)));
        assertEquals(new Outcome(3, 3, true), h2.tx(() -> moderation.delete(deleters.get(2), a)));
        assertEquals(0, answerCount(q.number()));
        assertTrue(history(a, 12).get(0).getText().contains("\"Voters\":[{"));

        h2.tx(() -> moderation.voteToClose(mod, q.number(), CloseReason.NEEDS_DETAILS, null, null));
        for (int i = 0; i < 2; i++) {
            Actor d = deleters.get(i);
            assertFalse(h2.tx(() -> moderation.delete(d, q.number())).done());
        }
        assertTrue(h2.tx(() -> moderation.delete(deleters.get(3), q.number())).done());
        // Undeleting takes three votes as well; the asker did not delete it and has no privilege.
        assertThrows(NotAllowedException.class, () -> h2.run(() -> moderation.undelete(asker, q.number())));
        for (int i = 0; i < 2; i++) {
            Actor d = deleters.get(i);
            assertFalse(h2.tx(() -> moderation.undelete(d, q.number())).done());
        }
        assertTrue(h2.tx(() -> moderation.undelete(deleters.get(2), q.number())).done());
        assertEquals(1, history(q.number(), 13).size());
    }

    @Test
    void deletingAPostTakesBackTheReputationItsVotesAndAcceptEarnedAndUndeletingGivesItBackExactly() {
        QuestionSummary q = ask("Why does my chain skip under load?", "chains");
        long a = h2.tx(() -> questions.answer(answerer, q.number(), ANSWER));
        long b = h2.tx(() -> questions.answer(closers.get(0), q.number(), ANSWER + " Another one."));
        h2.tx(() -> votes.vote(closers.get(1), q.number(), VoteType.UP));
        h2.tx(() -> votes.vote(closers.get(2), q.number(), VoteType.DOWN));
        h2.tx(() -> votes.vote(closers.get(1), a, VoteType.UP));
        h2.tx(() -> votes.vote(closers.get(2), a, VoteType.DOWN)); // costs closer3 1
        h2.tx(() -> votes.vote(closers.get(3), b, VoteType.UP));
        h2.run(() -> questions.accept(asker, a));
        List<Actor> everyone = List.of(asker, answerer, closers.get(0), closers.get(1), closers.get(2), closers.get(3));
        List<Integer> before = reputations(everyone);
        assertEquals(List.of(10 + 10 - 2 + 2, 1 + 10 - 2 + 15, 3_010, 3_000, 2_999, 3_000), before);

        // The accepted answer, deleted by a moderator: its author loses votes and accept, the asker the accept's 2,
        // the down voter gets 1 back; nobody else changes.
        assertTrue(h2.tx(() -> moderation.delete(mod, a)).done());
        assertEquals(List.of(18, 1, 3_010, 3_000, 3_000, 3_000), reputations(everyone));
        assertTrue(h2.tx(() -> moderation.undelete(mod, a)).done());
        assertEquals(before, reputations(everyone), "undeleting gives back exactly what deleting took");
        assertEquals(0, heldRows(), "nothing is held once it is given back");

        // Reputation stops at 1: the deletion takes what there was, and the undeletion gives back just that.
        setReputation(answerer, 5);
        h2.tx(() -> moderation.delete(mod, a));
        assertEquals(1, reputations(List.of(answerer)).get(0));
        h2.tx(() -> moderation.undelete(mod, a));
        assertEquals(5, reputations(List.of(answerer)).get(0));
        setReputation(answerer, before.get(1));

        // A deleted question takes its live answers' reputation with it, and its answers take no votes meanwhile.
        assertTrue(h2.tx(() -> moderation.delete(mod, q.number())).done());
        assertEquals(List.of(10, 1, 3_000, 3_000, 3_000, 3_000), reputations(everyone));
        NotAllowedException hidden =
                assertThrows(NotAllowedException.class, () -> h2.run(() -> votes.vote(closers.get(4), b, VoteType.UP)));
        assertTrue(hidden.getMessage().contains("deleted"), hidden.getMessage());
        assertTrue(h2.tx(() -> moderation.undelete(mod, q.number())).done());
        assertEquals(before, reputations(everyone));

        // An answer deleted before its question keeps its own hold: undeleting the question leaves it deleted.
        h2.tx(() -> moderation.delete(mod, b));
        h2.tx(() -> moderation.delete(mod, q.number()));
        h2.tx(() -> moderation.undelete(mod, q.number()));
        assertEquals(List.of(before.get(0), before.get(1), 3_000), reputations(everyone.subList(0, 3)));
        h2.tx(() -> moderation.undelete(mod, b));
        assertEquals(before, reputations(everyone));

        // The asker moves the accept away from a deleted answer: undeleting it gives back its votes only.
        h2.tx(() -> moderation.delete(mod, a));
        h2.run(() -> questions.accept(asker, b));
        assertEquals(List.of(18 + 2, 1, 3_010 + 15), reputations(everyone.subList(0, 3)));
        h2.tx(() -> moderation.undelete(mod, a));
        assertEquals(List.of(20, 1 + 10 - 2, 3_025, 3_000, 2_999, 3_000), reputations(everyone));
        assertEquals(0, heldRows());
    }

    private List<Integer> reputations(List<Actor> actors) {
        return h2.tx(() -> actors.stream()
                .map(x -> h2.bean(EntityManager.class)
                        .find(User.class, x.userId())
                        .getReputation())
                .toList());
    }

    private long heldRows() {
        return h2.tx(() -> h2.bean(EntityManager.class)
                .createQuery("select count(h) from HeldReputation h", Long.class)
                .getSingleResult());
    }

    @Test
    void closeAndReopenVotesAgeAwaySoonerOnQuestionsWithFewViewsAsTheSiteSets() {
        QuestionSummary few = ask("Which saddle is the most comfortable one?", "saddles");
        QuestionSummary seen = ask("Why does my chain skip under load?", "chains");
        views(seen.number(), 100);
        for (int i = 0; i < 2; i++) {
            Actor c = closers.get(i);
            h2.run(() -> moderation.voteToClose(c, few.number(), CloseReason.NEEDS_FOCUS, null, null));
        }
        h2.run(() -> moderation.voteToClose(closers.get(0), seen.number(), CloseReason.NEEDS_FOCUS, null, null));
        Instant now = Instant.now();
        castAgo(closers.get(0), few.number(), Duration.ofDays(4).plusMinutes(1));
        castAgo(closers.get(1), few.number(), Duration.ofDays(4).minusMinutes(1));
        castAgo(closers.get(0), seen.number(), Duration.ofDays(13));

        // Fewer than 100 views: 4 days; 100 views and more: 14 days.
        int events = h2.events.size();
        assertEquals(1, h2.tx(() -> moderation.expireVotes(site.id(), now)));
        assertEquals(1, closeVotes(few.number()));
        assertEquals(1, closeVotes(seen.number()));
        assertTrue(h2.events
                .subList(events, h2.events.size())
                .containsAll(List.of(
                        new VotesExpired(site.id(), few.number(), VoteKind.CLOSE),
                        new PostChanged(site.id(), few.number(), few.number(), PostChanged.Kind.EDITED))));
        assertEquals(0, h2.tx(() -> moderation.expireVotes(site.id(), now)), "a second run finds nothing");
        castAgo(closers.get(0), seen.number(), Duration.ofDays(14).plusMinutes(1));
        assertEquals(1, h2.tx(() -> moderation.expireVotes(site.id(), now)));
        assertEquals(0, closeVotes(seen.number()));
        assertEquals(
                1,
                h2.tx(() -> moderation.voteToClose(closers.get(0), seen.number(), CloseReason.NEEDS_FOCUS, null, null))
                        .votes(),
                "an expired vote no longer counts: its voter may vote again");

        // Reopen votes age the same way; a closed question's close votes were settled when it closed.
        h2.run(() -> moderation.voteToClose(mod, few.number(), CloseReason.NEEDS_FOCUS, null, null));
        h2.run(() -> moderation.voteToReopen(closers.get(2), few.number()));
        castAgo(closers.get(2), few.number(), Duration.ofDays(5));
        assertEquals(1, h2.tx(() -> moderation.expireVotes(site.id(), now)));
        assertTrue(h2.tx(() -> moderation.tallies(site.id(), List.of(few.number()), null))
                .isEmpty());
        assertNotNull(h2.tx(() -> pages.view(site.id(), few.number(), null)).closedAt(), "still closed");

        // The site's own days: 30 for every question (0: few views age as others), or never.
        h2.run(() -> moderation.voteToReopen(closers.get(2), few.number()));
        castAgo(closers.get(2), few.number(), Duration.ofDays(20));
        Actor admin = new Actor(0, site.id(), Role.ADMIN);
        h2.tx(() -> sites.changeLimits(
                admin, site.id(), Map.of(Limit.CLOSE_VOTE_DAYS, 30, Limit.CLOSE_VOTE_DAYS_FEW_VIEWS, 0)));
        assertEquals(0, h2.tx(() -> moderation.expireVotes(site.id(), now)));
        h2.tx(() -> sites.changeLimits(admin, site.id(), Map.of(Limit.CLOSE_VOTE_DAYS, 0)));
        castAgo(closers.get(2), few.number(), Duration.ofDays(300));
        castAgo(closers.get(0), seen.number(), Duration.ofDays(300));
        assertEquals(0, h2.tx(() -> moderation.expireVotes(site.id(), now)), "0: votes never expire");

        // Two servers' timers at once expire each vote once.
        h2.tx(() -> sites.changeLimits(admin, site.id(), Map.of()));
        assertEquals(2, racingExpiries(now));
        assertEquals(0, closeVotes(seen.number()));
    }

    private int racingExpiries(Instant now) {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(two.submit(
                        () -> h2.tx(() -> h2.bean(CloseVoteTimer.class).expireAll(now))));
            }
            int total = 0;
            for (Future<Integer> run : runs) {
                total += run.get();
            }
            return total;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            two.shutdownNow();
        }
    }

    private void castAgo(Actor voter, long number, Duration ago) {
        h2.run(() -> h2.bean(EntityManager.class)
                .createQuery("update ModerationVote v set v.castAt = :at where v.voter.id = :voter and v.post in"
                        + " (select p from Post p where p.site.id = :site and p.number = :n) and v.settledAt is null")
                .setParameter("at", Instant.now().minus(ago))
                .setParameter("voter", voter.userId())
                .setParameter("site", site.id())
                .setParameter("n", number)
                .executeUpdate());
    }

    private void views(long number, long count) {
        h2.run(() -> h2.bean(EntityManager.class)
                .createQuery("update Question q set q.viewCount = :c where q.site.id = :site and q.number = :n")
                .setParameter("c", count)
                .setParameter("site", site.id())
                .setParameter("n", number)
                .executeUpdate());
    }

    private int closeVotes(long number) {
        ModerationService.Tally tally = h2.tx(() -> moderation.tallies(site.id(), List.of(number), null))
                .get(number);
        return tally == null ? 0 : tally.count(VoteKind.CLOSE);
    }

    @Test
    void offTopicReasonsAreChosenFromTheSitesListOrWrittenAndTheBannerShowsThem() {
        List<String> defaults = h2.tx(() -> sites.offTopicReasons(site.id()));
        assertEquals(3, defaults.size());
        assertEquals(
                "This question does not appear to be about Bicycles within the scope defined in the help center.",
                defaults.get(0));
        QuestionSummary q = ask("Which car should I buy for my family?", "cars");
        Outcome first = h2.tx(() -> moderation.voteToClose(
                closers.get(0), q.number(), CloseReason.OFF_TOPIC, null, "  " + defaults.get(1) + " ", null));
        assertFalse(first.done());
        assertEquals(
                List.of("Off-topic: " + defaults.get(1) + ", by User closer1"),
                h2.tx(() -> moderation.pendingVotes(site.id(), q.number(), VoteKind.CLOSE)));
        InvalidInputException notTheSites = assertThrows(
                InvalidInputException.class,
                () -> h2.run(() -> moderation.voteToClose(
                        closers.get(1),
                        q.number(),
                        CloseReason.OFF_TOPIC,
                        null,
                        "Not one of the site's reasons",
                        null)));
        assertEquals("offTopic", notTheSites.field());
        assertTrue(
                h2.tx(() -> moderation.voteToClose(mod, q.number(), CloseReason.OFF_TOPIC, null, defaults.get(0), null))
                        .done());
        Closure why = h2.tx(() -> moderation.closure(site.id(), q.number()));
        assertEquals(CloseReason.OFF_TOPIC, why.reason());
        assertEquals(defaults.get(0), why.note(), "the banner shows the reason chosen");

        // The admin keeps the site's own list: what it offers, and all it accepts besides the voter's own words.
        Actor admin = new Actor(0, site.id(), Role.ADMIN);
        String own = "Questions about cars and motorbikes are off-topic here; ask on the motor vehicles site.";
        assertEquals(List.of(own), h2.tx(() -> sites.changeOffTopicReasons(admin, site.id(), List.of(own, " ", own))));
        assertEquals(List.of(own), h2.tx(() -> sites.offTopicReasons(site.id())));
        InvalidInputException tooShort = assertThrows(
                InvalidInputException.class,
                () -> h2.run(() -> sites.changeOffTopicReasons(admin, site.id(), List.of(own, "Cars."))));
        assertEquals("offTopicReasons", tooShort.field());
        assertThrows(
                NotAllowedException.class,
                () -> h2.run(() -> sites.changeOffTopicReasons(mod, site.id(), List.of(own))),
                "admins only");
        QuestionSummary r = ask("Which motorbike tyres last longest?", "tyres");
        assertThrows(
                InvalidInputException.class,
                () -> h2.run(() -> moderation.voteToClose(
                        closers.get(0), r.number(), CloseReason.OFF_TOPIC, null, defaults.get(0), null)),
                "no longer one of the site's");
        h2.run(() -> moderation.voteToClose(closers.get(0), r.number(), CloseReason.OFF_TOPIC, null, own, null));
        h2.run(() -> moderation.voteToClose(
                closers.get(1), r.number(), CloseReason.OFF_TOPIC, null, null, "Motorbikes are not bicycles at all."));
        assertEquals(
                List.of(
                        "Off-topic: " + own + ", by User closer1",
                        "Off-topic: Motorbikes are not bicycles at all., by User closer2"),
                h2.tx(() -> moderation.pendingVotes(site.id(), r.number(), VoteKind.CLOSE)));

        // Another site has its own list (the defaults, in its name); an empty list brings the defaults back.
        SiteInfo beer = h2.tx(() -> sites.ensureSite("beer.localhost", "beer", "Beer", ""));
        assertTrue(h2.tx(() -> sites.offTopicReasons(beer.id())).get(0).contains("about Beer"));
        assertEquals(defaults, h2.tx(() -> sites.changeOffTopicReasons(admin, site.id(), List.of())));
    }

    @Test
    void theRulesAreEachSitesOwn() {
        SiteInfo beer = h2.tx(() -> sites.ensureSite("beer.localhost", "beer", "Beer", ""));
        Actor brewer = user(beer, "brewer", Role.USER, 1);
        Actor beerModerator = user(beer, "beermod", Role.MODERATOR, 1);
        QuestionSummary ale =
                h2.tx(() -> questions.ask(brewer, "Why is my pale ale so cloudy today?", BODY, List.of("ale")));
        QuestionSummary bike = ask("Which saddle is the most comfortable one?", "saddles");
        // closer1 has 3,000 on the bicycle site only: on the beer site the same person would be a new user, and the
        // bicycle site's actor does not reach the beer site's numbers.
        assertThrows(
                NotFoundException.class,
                () -> h2.run(() -> moderation.voteToClose(
                        closers.get(0), ale.number() + 100, CloseReason.NEEDS_FOCUS, null, null)));
        assertThrows(
                NotAllowedException.class,
                () -> h2.run(() -> moderation.voteToClose(brewer, ale.number(), CloseReason.NEEDS_FOCUS, null, null)));
        // The beer site's moderator moderates the beer site only.
        assertTrue(h2.tx(() -> moderation.delete(beerModerator, ale.number())).done());
        assertFalse(h2.tx(() -> pages.view(site.id(), bike.number(), null)).deleted());
        assertThrows(NotFoundException.class, () -> h2.run(() -> pages.view(beer.id(), ale.number(), null)));
    }

    private int answerCount(long question) {
        return h2.tx(() -> h2.bean(EntityManager.class)
                .createQuery(
                        "select q.answerCount from Question q where q.site.id = :s and q.number = :n", Integer.class)
                .setParameter("s", site.id())
                .setParameter("n", question)
                .getSingleResult());
    }

    private long tagCount(String name) {
        return h2.tx(() -> h2.bean(EntityManager.class)
                .createQuery("select t.questionCount from Tag t where t.site.id = :s and t.name = :n", Long.class)
                .setParameter("s", site.id())
                .setParameter("n", name)
                .getSingleResult());
    }
}
