package org.parley.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.flag.FlagKind;
import org.parley.flag.FlagService;
import org.parley.moderation.CloseReason;
import org.parley.moderation.ModerationService;
import org.parley.post.CacheInvalidation;
import org.parley.post.Post;
import org.parley.post.QuestionPages;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.revision.PostRevision;
import org.parley.revision.RevisionWriter;
import org.parley.rules.ConflictException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.rules.RateLimitedException;
import org.parley.site.Privilege;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;
import org.parley.user.UserService;

/**
 * The review queues on Hibernate and H2: where tasks come from, who may review them, how many reviews decide each
 * queue's tasks and what a decision does (a suggested edit applied as its proposer's revision), Skip, and the daily
 * limit.
 */
class ReviewServiceH2Test {

    private static final String BODY = "Some **markdown** body that is long enough to be a real question.";
    private static final String PASSWORD = "correct-horse-battery";

    private H2Services h2;
    private ReviewService reviews;
    private QuestionService questions;
    private QuestionPages pages;
    private ModerationService moderation;
    private UserService users;
    private SiteInfo site;
    private Actor asker;
    private Actor newcomer;
    private Actor mod;
    private final List<Actor> reviewers = new ArrayList<>();

    @BeforeEach
    void aSiteWithUsers() {
        h2 = new H2Services();
        h2.bean(RevisionWriter.class);
        h2.bean(CacheInvalidation.class);
        h2.bean(ReviewTriggers.class);
        reviews = h2.bean(ReviewService.class);
        questions = h2.bean(QuestionService.class);
        pages = h2.bean(QuestionPages.class);
        moderation = h2.bean(ModerationService.class);
        users = h2.bean(UserService.class);
        SiteService sites = h2.bean(SiteService.class);
        site = h2.tx(() -> sites.ensureSite("bicycles.localhost", "bicycles", "Bicycles", "Bikes"));
        h2.tx(() -> sites.changePrivileges(
                new Actor(0, site.id(), Role.ADMIN), site.id(), Map.of(Privilege.FLAG_POSTS, 1)));
        asker = user("asker", Role.USER, 20);
        newcomer = user("newcomer", Role.USER, 1);
        mod = user("moderator", Role.MODERATOR, 1);
        for (int i = 1; i <= 4; i++) {
            reviewers.add(user("reviewer" + i, Role.USER, 3_000));
        }
    }

    @AfterEach
    void closeDatabase() {
        h2.close();
    }

    private Actor user(String name, Role role, int reputation) {
        return h2.user(site.id(), name, PASSWORD, role, reputation);
    }

    private int reputation(Actor actor) {
        return h2.reputation(actor);
    }

    private QuestionSummary ask(Actor who, String title) {
        return h2.tx(() -> questions.ask(who, title, BODY, List.of("gears")));
    }

    @Test
    void aSuggestedEditIsAppliedAsItsProposersRevisionOnceTwoReviewersApprove() {
        QuestionSummary q = ask(asker, "How do I tune a derailleur quickly?");
        // The newcomer cannot edit freely: the edit waits for review.
        assertThrows(
                NotAllowedException.class,
                () -> h2.run(() -> questions.edit(
                        newcomer, q.number(), "How do I tune a rear derailleur quickly?", BODY, List.of("gears"))));
        h2.run(() -> questions.suggestEdit(
                newcomer,
                q.number(),
                "How do I tune a rear derailleur quickly?",
                BODY,
                List.of("gears", "derailleur"),
                "clearer title, a tag"));
        assertThrows(
                ConflictException.class,
                () -> h2.run(() -> questions.suggestEdit(
                        reviewers.get(3),
                        q.number(),
                        "How do I tune a front derailleur quickly?",
                        BODY,
                        List.of("gears"),
                        null)),
                "one waiting edit per post");
        assertEquals(
                "How do I tune a derailleur quickly?",
                h2.tx(() -> pages.view(site.id(), q.number(), null)).title(),
                "nothing changes before review");

        ReviewItem next = h2.tx(() -> reviews.next(reviewers.get(0), ReviewQueue.SUGGESTED_EDITS));
        long taskId = next.taskId();
        assertEquals("User newcomer", next.proposer().displayName());
        assertTrue(
                next.titleDiff().stream().anyMatch(s -> s.isAdded() && s.text().contains("rear")),
                next.titleDiff().toString());
        assertThrows(
                NotAllowedException.class,
                () -> h2.run(() -> reviews.review(asker, taskId, ReviewAction.APPROVE, null, null)),
                "20 reputation: no review of suggested edits");

        ReviewItem first = h2.tx(() -> reviews.review(reviewers.get(0), taskId, ReviewAction.APPROVE, null, null));
        assertTrue(!first.completed() && first.reviews().size() == 1);
        assertThrows(
                ConflictException.class,
                () -> h2.run(() -> reviews.review(reviewers.get(0), taskId, ReviewAction.REJECT, null, null)));
        ReviewItem second = h2.tx(() -> reviews.review(reviewers.get(1), taskId, ReviewAction.APPROVE, null, null));
        assertEquals("Approved", second.outcome());
        assertEquals(
                "How do I tune a rear derailleur quickly?",
                h2.tx(() -> pages.view(site.id(), q.number(), null)).title());
        assertEquals(
                List.of("gears", "derailleur"),
                h2.tx(() -> pages.view(site.id(), q.number(), null)).tags());
        assertEquals(3, reputation(newcomer), "+2 for an approved edit");
        List<PostRevision> rows = h2.tx(() -> h2.bean(EntityManager.class)
                .createQuery(
                        "select r from PostRevision r where r.siteId = :s and r.postNumber = :n and r.historyTypeId = 24",
                        PostRevision.class)
                .setParameter("s", site.id())
                .setParameter("n", q.number())
                .getResultList());
        assertEquals(1, rows.size());
        assertTrue(
                rows.get(0).getComment().startsWith("Proposed by 2 approved by "),
                rows.get(0).getComment());
        assertThrows(
                ConflictException.class,
                () -> h2.run(() -> reviews.review(reviewers.get(2), taskId, ReviewAction.APPROVE, null, null)),
                "decided");

        // A moderator's rejection decides at once.
        h2.run(() -> questions.suggestEdit(
                newcomer, q.number(), "How do I tune a rear derailleur really well?", BODY, List.of("gears"), null));
        assertEquals(
                "Rejected",
                h2.tx(() -> reviews.review(
                                mod,
                                reviews.next(mod, ReviewQueue.SUGGESTED_EDITS).taskId(),
                                ReviewAction.REJECT,
                                null,
                                null))
                        .outcome());
    }

    @Test
    void firstPostsAreReviewedOnceAndSkipKeepsATaskFromComingBack() {
        QuestionSummary q = ask(newcomer, "Why does my chain skip under load?");
        ReviewItem task = h2.tx(() -> reviews.next(reviewers.get(0), ReviewQueue.FIRST_POSTS));
        assertNotNull(task);
        assertEquals(q.number(), task.postNumber());
        assertEquals(1L, h2.tx(() -> reviews.waitingFor(reviewers.get(0))));
        h2.run(() -> reviews.review(reviewers.get(0), task.taskId(), ReviewAction.SKIP, null, null));
        assertNull(h2.tx(() -> reviews.next(reviewers.get(0), ReviewQueue.FIRST_POSTS)), "skipped");
        assertNotNull(h2.tx(() -> reviews.next(reviewers.get(1), ReviewQueue.FIRST_POSTS)));
        assertEquals(
                "Looks OK",
                h2.tx(() -> reviews.review(reviewers.get(1), task.taskId(), ReviewAction.LOOKS_OK, null, null))
                        .outcome());
        assertNull(h2.tx(() -> reviews.next(reviewers.get(2), ReviewQueue.FIRST_POSTS)));
        // A second post is not a first post.
        h2.tx(() -> questions.answer(newcomer, q.number(), "Clean and lube the chain, then check the cassette wear."));
        assertNull(h2.tx(() -> reviews.next(reviewers.get(2), ReviewQueue.FIRST_POSTS)));
        assertThrows(NotFoundException.class, () -> h2.run(() -> reviews.task(reviewers.get(0), 999_999)));
    }

    @Test
    void closeVotesAreReviewedLeaveOpenThriceEndsTheRoundAndCloseCastsAVote() {
        QuestionSummary q = ask(asker, "Which saddle is the most comfortable one?");
        Actor voter = user("voter", Role.USER, 3_000);
        h2.run(() -> moderation.voteToClose(voter, q.number(), CloseReason.OPINION_BASED, null, null));
        ReviewItem task = h2.tx(() -> reviews.next(reviewers.get(0), ReviewQueue.CLOSE_VOTES));
        assertEquals(List.of("Opinion-based, by User voter"), task.votes());
        for (int i = 0; i < 3; i++) {
            Actor r = reviewers.get(i);
            h2.run(() -> reviews.review(r, task.taskId(), ReviewAction.LEAVE_OPEN, null, null));
        }
        assertEquals("Left open", h2.tx(() -> reviews.task(mod, task.taskId())).outcome());
        assertTrue(
                h2.tx(() -> moderation.tallies(site.id(), List.of(q.number()), null))
                        .isEmpty(),
                "votes settled");

        // A new vote opens a new task; reviewers who close cast close votes, the fifth closes the question.
        h2.run(() -> moderation.voteToClose(voter, q.number(), CloseReason.OPINION_BASED, null, null));
        ReviewItem next = h2.tx(() -> reviews.next(reviewers.get(0), ReviewQueue.CLOSE_VOTES));
        Actor extra = user("voter2", Role.USER, 3_000);
        h2.run(() -> moderation.voteToClose(extra, q.number(), CloseReason.OPINION_BASED, null, null));
        for (int i = 0; i < 3; i++) {
            Actor r = reviewers.get(i);
            h2.run(() -> reviews.review(r, next.taskId(), ReviewAction.CLOSE, CloseReason.OPINION_BASED, null));
        }
        assertNotNull(h2.tx(() -> pages.view(site.id(), q.number(), null)).closedAt());
        assertEquals("Closed", h2.tx(() -> reviews.task(mod, next.taskId())).outcome());
    }

    @Test
    void aCloseVotesTaskIsCompletedWhenItsVotesAgeAway() {
        QuestionSummary q = ask(asker, "Which saddle is the most comfortable one?");
        Actor voter = user("voter", Role.USER, 3_000);
        Actor other = user("voter2", Role.USER, 3_000);
        h2.run(() -> moderation.voteToClose(voter, q.number(), CloseReason.OPINION_BASED, null, null));
        h2.run(() -> moderation.voteToClose(other, q.number(), CloseReason.OPINION_BASED, null, null));
        ReviewItem task = h2.tx(() -> reviews.next(reviewers.get(0), ReviewQueue.CLOSE_VOTES));
        h2.run(() -> h2.bean(EntityManager.class)
                .createQuery("update ModerationVote v set v.castAt = :at where v.voter.id = :voter")
                .setParameter("at", java.time.Instant.now().minus(java.time.Duration.ofDays(5)))
                .setParameter("voter", voter.userId())
                .executeUpdate());
        assertEquals(1, h2.tx(() -> moderation.expireVotes(site.id(), java.time.Instant.now())));
        assertNull(h2.tx(() -> reviews.task(mod, task.taskId())).outcome(), "one vote is left");
        assertEquals(
                List.of("Opinion-based, by User voter2"),
                h2.tx(() -> reviews.task(mod, task.taskId())).votes());
        h2.run(() -> h2.bean(EntityManager.class)
                .createQuery("update ModerationVote v set v.castAt = :at")
                .setParameter("at", java.time.Instant.now().minus(java.time.Duration.ofDays(5)))
                .executeUpdate());
        assertEquals(1, h2.tx(() -> moderation.expireVotes(site.id(), java.time.Instant.now())));
        assertEquals(
                "Votes expired", h2.tx(() -> reviews.task(mod, task.taskId())).outcome());
        assertNull(h2.tx(() -> reviews.next(reviewers.get(0), ReviewQueue.CLOSE_VOTES)));
    }

    @Test
    void lowQualityFlagsFeedTheirQueueAndThreeRecommendationsDelete() {
        QuestionSummary q = ask(asker, "Which saddle is the most comfortable one?");
        long a = h2.tx(() -> questions.answer(newcomer, q.number(), "thanks me too, same problem here, any news?"));
        FlagService flags = h2.bean(FlagService.class);
        h2.run(() -> flags.flagPost(asker, a, FlagKind.NOT_AN_ANSWER, null));
        ReviewItem task = h2.tx(() -> reviews.next(reviewers.get(0), ReviewQueue.LOW_QUALITY));
        assertEquals(a, task.postNumber());
        for (int i = 0; i < 3; i++) {
            Actor r = reviewers.get(i);
            h2.run(() -> reviews.review(r, task.taskId(), ReviewAction.RECOMMEND_DELETION, null, null));
        }
        assertEquals("Deleted", h2.tx(() -> reviews.task(mod, task.taskId())).outcome());
        assertTrue(
                h2.tx(() -> pages.view(site.id(), q.number(), null)).answers().isEmpty());
    }

    @Test
    void auditsTestReviewersWithKnownPostsWithoutChangingThemAndThreeFailuresBanFromReviewing() {
        QuestionSummary good = ask(asker, "How do I fix a flat tyre on the road?");
        score(good.number(), ReviewService.AUDIT_GOOD_SCORE);
        QuestionSummary bad1 = ask(asker, "buy cheap watches online best price here");
        score(bad1.number(), ReviewService.AUDIT_BAD_SCORE);
        QuestionSummary bad2 = ask(asker, "click here for the best casino bonus today");
        score(bad2.number(), -10);
        QuestionSummary spam = ask(asker, "cheap replica bikes delivered to your door");
        QuestionSummary plain = ask(asker, "Is a score of four good enough for an audit?");
        score(plain.number(), ReviewService.AUDIT_GOOD_SCORE - 1);
        h2.run(() -> moderation.hideFlagged(site.id(), spam.number())); // deleted by the community
        for (int i = 0; i < 6; i++) {
            Actor n = user("first" + i, Role.USER, 1);
            int k = i;
            h2.tx(() -> questions.ask(n, "A first question number " + k + " here", BODY, List.of("gears")));
        }
        reviews.dice = n -> 0; // every task an audit, a known-good post first, the first candidate
        Actor r = reviewers.get(0);

        // A known-good post, looking like any task; the same one again on a reload; nobody else's to see.
        ReviewItem audit = h2.tx(() -> reviews.next(r, ReviewQueue.FIRST_POSTS));
        assertEquals(good.number(), audit.postNumber());
        assertNull(audit.audit());
        assertNull(audit.outcome());
        assertEquals(
                audit.taskId(),
                h2.tx(() -> reviews.next(r, ReviewQueue.FIRST_POSTS)).taskId());
        assertThrows(NotFoundException.class, () -> h2.run(() -> reviews.task(reviewers.get(1), audit.taskId())));
        assertEquals(
                7L, h2.tx(() -> reviews.waitingFor(reviewers.get(1))), "the asker's and six first posts, no audit");
        long version = rowVersion(good.number());
        ReviewItem passed = h2.tx(() -> reviews.review(r, audit.taskId(), ReviewAction.LOOKS_OK, null, null));
        assertEquals("Audit passed", passed.outcome());
        assertTrue(passed.audit().contains("You passed it"), passed.audit());
        assertEquals(version, rowVersion(good.number()), "the audit leaves the post as it was");

        // Known-bad posts (scored -3 and below, or deleted by the community) passed as OK fail.
        List<Long> failedOn = new ArrayList<>();
        for (int i = 0; i < ReviewService.FAILED_AUDITS_FOR_BAN; i++) {
            ReviewItem bad = h2.tx(() -> reviews.next(r, ReviewQueue.FIRST_POSTS));
            failedOn.add(bad.postNumber());
            ReviewItem failed = h2.tx(() -> reviews.review(r, bad.taskId(), ReviewAction.LOOKS_OK, null, null));
            assertEquals("Audit failed", failed.outcome());
            assertTrue(failed.audit().contains("You failed it: “Looks OK” was not the right review."), failed.audit());
        }
        assertEquals(List.of(bad1.number(), bad2.number(), spam.number()), failedOn);
        assertTrue(h2.tx(() -> pages.view(site.id(), bad1.number(), null)).closedAt() == null
                && h2.tx(() -> pages.view(site.id(), bad1.number(), null)).score() == ReviewService.AUDIT_BAD_SCORE);

        // The third failure in a week: banned from every queue for 7 days, said plainly; the top bar shows nothing.
        NotAllowedException banned =
                assertThrows(NotAllowedException.class, () -> h2.run(() -> reviews.next(r, ReviewQueue.FIRST_POSTS)));
        assertTrue(
                banned.getMessage().startsWith("You can't review until ")
                        && banned.getMessage().contains("you failed 3 review audits within 7 days"),
                banned.getMessage());
        assertThrows(NotAllowedException.class, () -> h2.run(() -> reviews.next(r, ReviewQueue.CLOSE_VOTES)));
        assertThrows(NotAllowedException.class, () -> h2.run(() -> reviews.task(r, audit.taskId())));
        assertEquals(0L, h2.tx(() -> reviews.waitingFor(r)));
        assertTrue(h2.tx(() -> reviews.reviewBan(r))
                .orElseThrow()
                .isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(6))));
        // A week later the ban is over.
        h2.run(() -> h2.bean(EntityManager.class)
                .createQuery("update Review r set r.createdAt = :at where r.auditPassed = false")
                .setParameter("at", java.time.Instant.now().minus(java.time.Duration.ofDays(8)))
                .executeUpdate());
        assertTrue(h2.tx(() -> reviews.reviewBan(r)).isEmpty());
        assertNotNull(h2.tx(() -> reviews.next(r, ReviewQueue.FIRST_POSTS)));

        // Low quality posts: recommending deletion of a known-good post fails, of a known-bad one passes; neither
        // deletes anything. Skipping a known-bad first post passes (declining to call it OK).
        long answer = h2.tx(() -> questions.answer(newcomer, good.number(), "thanks, same problem here, any news?"));
        h2.run(() -> h2.bean(FlagService.class).flagPost(asker, answer, FlagKind.NOT_AN_ANSWER, null));
        Actor r2 = reviewers.get(1);
        ReviewItem goodOne = h2.tx(() -> reviews.next(r2, ReviewQueue.LOW_QUALITY));
        assertEquals(good.number(), goodOne.postNumber());
        assertEquals(
                "Audit failed",
                h2.tx(() -> reviews.review(r2, goodOne.taskId(), ReviewAction.RECOMMEND_DELETION, null, null))
                        .outcome());
        ReviewItem badOne = h2.tx(() -> reviews.next(r2, ReviewQueue.LOW_QUALITY));
        assertEquals(bad1.number(), badOne.postNumber());
        assertEquals(
                "Audit passed",
                h2.tx(() -> reviews.review(r2, badOne.taskId(), ReviewAction.RECOMMEND_DELETION, null, null))
                        .outcome());
        assertFalse(h2.tx(() -> pages.view(site.id(), good.number(), null)).deleted());
        assertFalse(h2.tx(() -> pages.view(site.id(), bad1.number(), null)).deleted());
        ReviewItem skipped = h2.tx(() -> reviews.next(r2, ReviewQueue.FIRST_POSTS));
        assertEquals(bad2.number(), skipped.postNumber(), "a post tests a reviewer once");
        assertEquals(
                "Audit passed",
                h2.tx(() -> reviews.review(r2, skipped.taskId(), ReviewAction.SKIP, null, null))
                        .outcome());

        // Moderators are not audited; without the dice's audit, the real task comes (the asker's first question).
        ReviewItem real = h2.tx(() -> reviews.next(mod, ReviewQueue.FIRST_POSTS));
        assertEquals(good.number(), real.postNumber());
        assertNotEquals(audit.taskId(), real.taskId());
        reviews.dice = n -> n - 1;
        assertEquals(
                real.taskId(),
                h2.tx(() -> reviews.next(reviewers.get(2), ReviewQueue.FIRST_POSTS))
                        .taskId());
    }

    private void score(long number, int score) {
        h2.run(() -> h2.bean(EntityManager.class)
                .createQuery("update Post p set p.score = :s where p.site.id = :site and p.number = :n")
                .setParameter("s", score)
                .setParameter("site", site.id())
                .setParameter("n", number)
                .executeUpdate());
    }

    private long rowVersion(long number) {
        return h2.tx(() -> h2.bean(EntityManager.class)
                .createQuery("select p from Post p where p.site.id = :site and p.number = :n", Post.class)
                .setParameter("site", site.id())
                .setParameter("n", number)
                .getSingleResult()
                .getRowVersion());
    }

    @Test
    void aReviewerDoesAtMostTwentyReviewsAQueueADay() {
        for (int i = 0; i < ReviewQueue.DAILY_LIMIT + 1; i++) {
            Actor n = user("new" + i, Role.USER, 1);
            int k = i;
            h2.tx(() -> questions.ask(n, "A first question number " + k + " here", BODY, List.of("gears")));
        }
        Actor r = reviewers.get(0);
        for (int i = 0; i < ReviewQueue.DAILY_LIMIT; i++) {
            ReviewItem t = h2.tx(() -> reviews.next(r, ReviewQueue.FIRST_POSTS));
            h2.run(() -> reviews.review(r, t.taskId(), ReviewAction.LOOKS_OK, null, null));
        }
        RateLimitedException limit =
                assertThrows(RateLimitedException.class, () -> h2.run(() -> reviews.next(r, ReviewQueue.FIRST_POSTS)));
        assertTrue(limit.retryAfter().toHours() <= 24, "until midnight UTC");
        assertTrue(limit.getMessage().contains("20 reviews"), limit.getMessage());
        assertEquals(
                20,
                h2.tx(() -> reviews.queues(r)).stream()
                        .filter(s -> s.queue() == ReviewQueue.FIRST_POSTS)
                        .findFirst()
                        .orElseThrow()
                        .reviewedToday());
    }
}
