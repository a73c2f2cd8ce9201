package org.parley.award;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.badge.BadgeService;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.messaging.Destinations;
import org.parley.notification.NotificationService;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.post.VoteService;
import org.parley.post.VoteType;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;
import org.parley.user.ProfileService;
import org.parley.user.UserService;

/**
 * Badges through the real queue, MDB and database: a vote queues checks that award the asker's and the voter's first
 * badges once each, with their notifications; the same checks delivered again award nothing; a check that keeps
 * failing is dead-lettered after five attempts and awards nothing, and run again later awards once.
 */
@ExtendWith(ArquillianExtension.class)
class BadgeAwardIT {

    private static final String BODY = "Some **markdown** body that is long enough to be a real question.";

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.withEjbBeans(ParleyDeployment.ear(BadgeAwardIT.class), AwardRecorder.class);
    }

    @EJB
    SiteService sites;

    @EJB
    UserService users;

    @EJB
    QuestionService questions;

    @EJB
    VoteService votes;

    @EJB
    BadgeService badges;

    @EJB
    NotificationService notifications;

    @EJB
    Reputations reputations;

    @EJB
    ProfileService profiles;

    @Inject
    BadgeJobs jobs;

    @Inject
    AwardRecorder recorder;

    @Inject
    JMSContext jms;

    SiteInfo site;
    Actor asker;
    Actor voter;
    long askerNumber;
    long voterNumber;

    @BeforeEach
    void freshSite() {
        String name = ParleyDeployment.unique("badges");
        site = sites.ensureSite(name + ".localhost", name, "Badges " + name, "A site for one test");
        reputations.open(site.id());
        askerNumber = users.createUser(site.id(), "asker", "Ann Asker", "correct-horse-battery", Role.USER)
                .number();
        voterNumber = users.createUser(site.id(), "voter", "Vic Voter", "correct-horse-battery", Role.USER)
                .number();
        asker = users.actorFor(site.id(), "asker").orElseThrow();
        voter = users.actorFor(site.id(), "voter").orElseThrow();
    }

    @Test
    void aVoteEarnsTheAskersAndTheVotersFirstBadgesOnceThroughTheQueue() throws Exception {
        QuestionSummary q = questions.ask(asker, "How do I true a wheel at home?", BODY, List.of("wheels"));
        votes.vote(voter, q.number(), VoteType.UP);
        // The rows show once committed; the count moves just after, when the committed event's observers ran.
        awaitTrue(
                () -> held(askerNumber).contains("Student/3")
                        && held(voterNumber).contains("Supporter/3")
                        && recorder.committed(asker.userId(), "Student") == 1
                        && recorder.committed(voter.userId(), "Supporter") == 1,
                "Student and Supporter awarded within 20 s",
                20);
        assertTrue(
                notifications.list(asker, 1, 20).items().stream()
                        .anyMatch(n -> n.text().contains("bronze badge \u201cStudent\u201d")
                                && n.link().endsWith("/badges/1")),
                "the asker was notified");

        // The same checks, three times more each, through the queue and the MDB: nothing more.
        for (int i = 0; i < 3; i++) {
            jobs.enqueue(site.id(), askerNumber);
            jobs.enqueue(site.id(), voterNumber);
        }
        awaitTrue(() -> queued(Destinations.BADGES_QUEUE) == 0, "the checks consumed within 20 s", 20);
        Thread.sleep(1000);
        assertEquals(List.of("Student/3"), held(askerNumber));
        assertEquals(List.of("Supporter/3"), held(voterNumber));
        assertEquals(1, recorder.committed(asker.userId(), "Student"));
        assertEquals(1, recorder.attempts(asker.userId(), "Student"), "a redelivered check found the badge held");
    }

    @Test
    void savingAProfileWithAnAboutMeEarnsAutobiographerThroughTheQueue() throws Exception {
        profiles.save(voter, "Vic Voter", "I fix bikes on weekends.", "Lyon", null, null, false);
        awaitTrue(
                () -> held(voterNumber).contains("Autobiographer/3"),
                "Autobiographer awarded within 20 s of the save, with no other event",
                20);
        assertEquals(List.of("Autobiographer/3"), held(voterNumber));
    }

    @Test
    void aFailingCheckIsDeadLetteredAfterFiveAttemptsAndAwardsOnceWhenRunAgain() throws Exception {
        recorder.failFor(asker.userId());
        try {
            QuestionSummary q = questions.ask(asker, "Why does my chain skip under load?", BODY, List.of("chains"));
            votes.vote(voter, q.number(), VoteType.UP);
            // Five attempts, 1 + 2 + 4 + 8 s apart, then the dead-letter queue.
            awaitTrue(
                    () -> recorder.attempts(asker.userId(), "Student") >= 5 && deadFor(askerNumber) >= 1,
                    "dead-lettered within 45 s",
                    45);
            assertEquals(List.of(), held(askerNumber));
            assertEquals(0, recorder.committed(asker.userId(), "Student"));
        } finally {
            recorder.stopFailing(asker.userId());
        }
        jobs.enqueue(site.id(), askerNumber);
        awaitTrue(
                () -> held(askerNumber).contains("Student/3") && recorder.committed(asker.userId(), "Student") == 1,
                "awarded within 20 s",
                20);
        Thread.sleep(1000);
        assertEquals(1, recorder.committed(asker.userId(), "Student"));
        assertEquals(List.of("Student/3"), held(askerNumber));
    }

    private List<String> held(long userNumber) {
        return badges.listByUser(site.id(), userNumber).stream()
                .map(b -> b.getName() + "/" + b.getBadgeClass())
                .sorted()
                .toList();
    }

    private int queued(String queueName) {
        return browse(queueName, "siteId = " + site.id());
    }

    private int deadFor(long userNumber) {
        return browse(Destinations.BADGES_DEAD_QUEUE, "siteId = " + site.id() + " AND userNumber = " + userNumber);
    }

    private int browse(String queueName, String selector) {
        try {
            Queue queue = (Queue) new InitialContext().lookup(queueName);
            try (QueueBrowser browser = jms.createBrowser(queue, selector)) {
                List<?> messages = Collections.list(browser.getEnumeration());
                return (int) messages.stream().filter(m -> m instanceof Message).count();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void awaitTrue(BooleanSupplier condition, String what, int seconds) throws InterruptedException {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Not " + what);
    }
}
