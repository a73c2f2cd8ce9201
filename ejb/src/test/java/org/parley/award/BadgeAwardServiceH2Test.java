package org.parley.award;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.badge.Badge;
import org.parley.badge.BadgeService;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.moderation.CloseReason;
import org.parley.moderation.ModerationService;
import org.parley.notification.NotificationWriter;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.post.VoteService;
import org.parley.post.VoteType;
import org.parley.revision.RevisionWriter;
import org.parley.site.Privilege;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;
import org.parley.user.User;
import org.parley.user.Visits;

/**
 * Awarding on Hibernate and H2: the events queue checks of the right users, a check awards each badge once (the same
 * check twice, two checks racing, an imported badge of the same name), writes the earner's notification, and the
 * nightly candidates and consecutive visits.
 */
class BadgeAwardServiceH2Test {

    private static final String BODY = "Some **markdown** body that is long enough to be a real question.";
    private static final String PASSWORD = "correct-horse-battery";

    /** The jobs the events queued, as (site, user number); no broker here. */
    static final class RecordedJobs extends BadgeJobs {
        final List<long[]> queued = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void enqueue(long siteId, long userNumber) {
            queued.add(new long[] {siteId, userNumber});
        }

        List<Long> users() {
            return queued.stream().map(j -> j[1]).distinct().sorted().toList();
        }
    }

    private H2Services h2;
    private final RecordedJobs jobs = new RecordedJobs();
    private BadgeAwardService awards;
    private QuestionService questions;
    private VoteService votes;
    private SiteInfo site;
    private Actor asker;
    private Actor voter;

    @BeforeEach
    void aSiteWithUsers() {
        h2 = new H2Services();
        h2.provide(BadgeJobs.class, jobs);
        h2.bean(RevisionWriter.class);
        h2.bean(NotificationWriter.class);
        h2.bean(BadgeTriggers.class);
        awards = h2.bean(BadgeAwardService.class);
        questions = h2.bean(QuestionService.class);
        votes = h2.bean(VoteService.class);
        SiteService sites = h2.bean(SiteService.class);
        site = h2.tx(() -> sites.ensureSite("bicycles.localhost", "bicycles", "Bicycles", "Bikes"));
        h2.tx(() -> sites.changePrivileges(
                new Actor(0, site.id(), Role.ADMIN), site.id(), Map.of(Privilege.VOTE_UP, 1, Privilege.VOTE_DOWN, 1)));
        asker = user("asker", Role.USER, 10);
        voter = user("voter", Role.USER, 10);
    }

    @AfterEach
    void closeDatabase() {
        h2.close();
    }

    @Test
    void aVoteQueuesChecksOfBothUsersAndEachCheckAwardsItsBadgeOnceWithANotification() {
        QuestionSummary q =
                h2.tx(() -> questions.ask(asker, "How do I true a wheel at home?", BODY, List.of("wheels")));
        assertEquals(List.of(number(asker)), jobs.users(), "asking queues the asker's check");
        assertEquals(List.of(), check(asker), "a question at score 0 earns nothing");
        jobs.queued.clear();

        h2.tx(() -> votes.vote(voter, q.number(), VoteType.UP));
        assertEquals(List.of(number(asker), number(voter)), jobs.users());

        // Each queued job run, and then every job delivered a second time: the second round awards nothing.
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (long[] job : jobs.queued) {
            h2.tx(() -> awards.check(job[0], job[1])).forEach(e -> first.add(e.name()));
        }
        for (long[] job : jobs.queued) {
            h2.tx(() -> awards.check(job[0], job[1])).forEach(e -> second.add(e.name()));
        }
        assertEquals(List.of("Student", "Supporter"), first.stream().sorted().toList());
        assertEquals(List.of(), second);
        assertEquals(List.of("Student/3"), held(asker));
        assertEquals(List.of("Supporter/3"), held(voter));
        assertEquals(List.of("You earned the bronze badge \u201cStudent\u201d.|/badges/1"), badgeNotifications(asker));
        assertEquals(
                List.of("You earned the bronze badge \u201cSupporter\u201d.|/badges/4"), badgeNotifications(voter));

        // A down vote taken back and cast again: Critic once.
        QuestionSummary q2 =
                h2.tx(() -> questions.ask(asker, "Why does my chain skip under load?", BODY, List.of("chains")));
        h2.tx(() -> votes.vote(voter, q2.number(), VoteType.DOWN));
        assertEquals(List.of("Critic"), names(check(voter)));
        assertEquals(List.of(), check(voter));
        assertEquals(List.of("Critic/3", "Supporter/3"), held(voter));
        assertEquals(2, badgeNotifications(voter).size());
    }

    @Test
    void twoChecksOfOneUserRacingAwardEachBadgeOnce() throws Exception {
        QuestionSummary q =
                h2.tx(() -> questions.ask(asker, "How do I true a wheel at home?", BODY, List.of("wheels")));
        h2.tx(() -> votes.vote(voter, q.number(), VoteType.UP));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 2; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<BadgeRules.Earned>>> racing = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    racing.add(pool.submit(() -> {
                        start.await();
                        return h2.tx(() -> awards.check(site.id(), number(asker)));
                    }));
                }
                start.countDown();
                int awarded = 0;
                for (Future<List<BadgeRules.Earned>> f : racing) {
                    awarded += f.get().size();
                }
                assertEquals(round == 0 ? 1 : 0, awarded, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("Student/3"), held(asker));
        assertEquals(1, badgeNotifications(asker).size());
    }

    @Test
    void theUniqueKeyRefusesASecondAwardThatSlippedPastTheCheck() {
        h2.run(() -> h2.bean(EntityManager.class)
                .persist(new Badge(site.id(), number(asker), "Student", 3, false, Instant.now())));
        assertThrows(
                RuntimeException.class,
                () -> h2.run(() -> {
                    EntityManager em = h2.bean(EntityManager.class);
                    em.persist(new Badge(site.id(), number(asker), "Student", 3, false, Instant.now()));
                    em.flush();
                }));
        // The same name in another class, or for another user, is another badge.
        h2.run(() -> {
            EntityManager em = h2.bean(EntityManager.class);
            em.persist(new Badge(site.id(), number(asker), "Student", 2, false, Instant.now()));
            em.persist(new Badge(site.id(), number(voter), "Student", 3, false, Instant.now()));
            em.flush();
        });
        assertEquals(List.of("Student/2", "Student/3"), held(asker));
    }

    @Test
    void aBadgeImportedFromADumpIsNotAwardedAgainAndKeepsItsDate() {
        Instant imported = Instant.parse("2014-03-01T10:00:00Z");
        h2.run(() -> h2.bean(EntityManager.class)
                .createNativeQuery("insert into badge (id, site_id, dump_id, user_number, name, badge_class, tag_based,"
                        + " awarded_at) values (1000, ?1, 77, ?2, 'Student', 3, false, ?3)")
                .setParameter(1, site.id())
                .setParameter(2, number(asker))
                .setParameter(3, imported)
                .executeUpdate());
        QuestionSummary q =
                h2.tx(() -> questions.ask(asker, "How do I true a wheel at home?", BODY, List.of("wheels")));
        h2.tx(() -> votes.vote(voter, q.number(), VoteType.UP));
        assertEquals(List.of(), check(asker));
        assertEquals(List.of("Student/3"), held(asker));
        Badge kept = h2.tx(() -> h2.bean(BadgeService.class).listByUser(site.id(), number(asker)))
                .get(0);
        assertEquals(imported, kept.getAwardedAt());
        assertTrue(kept.isImported());
        assertEquals(List.of(), badgeNotifications(asker));
    }

    @Test
    void aQuestionPassingAViewMilestoneQueuesItsAskersCheck() {
        QuestionSummary q =
                h2.tx(() -> questions.ask(asker, "How do I true a wheel at home?", BODY, List.of("wheels")));
        h2.run(() -> h2.bean(EntityManager.class)
                .createNativeQuery("update post set view_count = 998 where number = ?1 and site_id = ?2")
                .setParameter(1, q.number())
                .setParameter(2, site.id())
                .executeUpdate());
        jobs.queued.clear();
        h2.run(() -> questions.recordView(site.id(), q.number())); // 999
        assertEquals(List.of(), jobs.users());
        h2.run(() -> questions.recordView(site.id(), q.number())); // 1,000
        assertEquals(List.of(number(asker)), jobs.users());
        h2.run(() -> questions.recordView(site.id(), q.number())); // 1,001
        assertEquals(1, jobs.queued.size());
        assertEquals(List.of("Popular Question"), names(check(asker)));
    }

    @Test
    void consecutiveVisitDaysEarnEnthusiastAndAVisitIsWrittenOnceADay() {
        Visits visits = h2.bean(Visits.class);
        Instant day0 = Instant.parse("2026-11-01T08:00:00Z");
        for (int d = 0; d < 30; d++) {
            visits.useClock(Clock.fixed(day0.plus(Duration.ofDays(d)), ZoneOffset.UTC));
            assertTrue(h2.tx(() -> visits.record(site.id(), asker.userId())), "day " + d);
            assertEquals(false, h2.tx(() -> visits.record(site.id(), asker.userId())), "day " + d + " again");
            assertEquals(false, visits.isNew(asker.userId()));
            if (d == 28) {
                assertEquals(List.of(), check(asker), "29 days");
            }
        }
        assertEquals(30, jobs.queued.size(), "one check per day's first visit");
        assertEquals(
                30L,
                h2.tx(() -> h2.bean(EntityManager.class)
                        .createQuery("select count(v) from UserVisit v", Long.class)
                        .getSingleResult()));
        assertEquals(List.of("Enthusiast"), names(check(asker)));

        // A day missed: no run until the next visit, which starts it again.
        visits.useClock(Clock.fixed(day0.plus(Duration.ofDays(31)), ZoneOffset.UTC));
        assertEquals(0, h2.tx(() -> visits.consecutiveDays(asker.userId(), 100)));
        assertTrue(h2.tx(() -> visits.record(site.id(), asker.userId())));
        assertEquals(1, h2.tx(() -> visits.consecutiveDays(asker.userId(), 100)));
    }

    @Test
    void theNightlyRunQueuesYearlingsAndTumbleweedsOnce() {
        Instant now = Instant.now();
        QuestionSummary q =
                h2.tx(() -> questions.ask(asker, "How do I true a wheel at home?", BODY, List.of("wheels")));
        h2.run(() -> {
            EntityManager em = h2.bean(EntityManager.class);
            em.createNativeQuery("update post set created_at = ?1 where number = ?2 and site_id = ?3")
                    .setParameter(1, now.minus(Duration.ofDays(8)))
                    .setParameter(2, q.number())
                    .setParameter(3, site.id())
                    .executeUpdate();
            em.createNativeQuery("update parley_user set created_at = ?1, reputation = 200 where id = ?2")
                    .setParameter(1, now.minus(Duration.ofDays(366)))
                    .setParameter(2, voter.userId())
                    .executeUpdate();
        });
        jobs.queued.clear();
        assertEquals(2, h2.tx(() -> awards.queueTimeBased(site.id(), now)));
        assertEquals(List.of(number(asker), number(voter)), jobs.users());
        assertEquals(List.of("Tumbleweed"), names(h2.tx(() -> awards.check(site.id(), number(asker), now))));
        assertEquals(List.of("Yearling"), names(h2.tx(() -> awards.check(site.id(), number(voter), now))));
        assertEquals(List.of(), h2.tx(() -> awards.timeBasedCandidates(site.id(), now)));
    }

    @Test
    void anAwardedGoldTagBadgeClosesADuplicateWithOneVote() {
        ModerationService moderation = h2.bean(ModerationService.class);
        QuestionSummary original =
                h2.tx(() -> questions.ask(asker, "How do I true a wheel at home quickly?", BODY, List.of("wheels")));
        QuestionSummary copy =
                h2.tx(() -> questions.ask(voter, "How can I true my bicycle wheel at home?", BODY, List.of("wheels")));
        Actor closer = user("closer", Role.USER, 3_000);
        h2.run(() -> h2.bean(EntityManager.class)
                .persist(new Badge(site.id(), number(closer), "wheels", 1, true, Instant.now())));
        assertTrue(h2.tx(() -> moderation.voteToClose(
                        closer, copy.number(), CloseReason.DUPLICATE, "#" + original.number(), null))
                .done());
    }

    private Actor user(String name, Role role, int reputation) {
        return h2.user(site.id(), name, PASSWORD, role, reputation);
    }

    private long number(Actor actor) {
        return h2.tx(() ->
                h2.bean(EntityManager.class).find(User.class, actor.userId()).getNumber());
    }

    private List<BadgeRules.Earned> check(Actor actor) {
        long n = number(actor);
        return h2.tx(() -> awards.check(site.id(), n));
    }

    private static List<String> names(List<BadgeRules.Earned> earned) {
        return earned.stream().map(BadgeRules.Earned::name).toList();
    }

    private List<String> held(Actor actor) {
        long n = number(actor);
        return h2.tx(() -> h2.bean(BadgeService.class).listByUser(site.id(), n)).stream()
                .map(b -> b.getName() + "/" + b.getBadgeClass())
                .sorted()
                .toList();
    }

    private List<String> badgeNotifications(Actor actor) {
        return h2
                .tx(() -> h2.bean(EntityManager.class)
                        .createQuery(
                                "select n.text, n.link from Notification n where n.userId = :u"
                                        + " and n.kind = org.parley.notification.NotificationKind.BADGE order by n.seq",
                                Object[].class)
                        .setParameter("u", actor.userId())
                        .getResultList())
                .stream()
                .map(r -> r[0] + "|" + r[1])
                .toList();
    }
}
