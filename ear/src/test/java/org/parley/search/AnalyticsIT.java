package org.parley.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ejb.EJB;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.message.MessageService;
import org.parley.message.SentMessage;
import org.parley.post.QuestionService;
import org.parley.rules.NotAllowedException;
import org.parley.search.AnalyticsFigures.DayCount;
import org.parley.search.AnalyticsFigures.HourCount;
import org.parley.search.AnalyticsFigures.MonthMedian;
import org.parley.search.AnalyticsFigures.MonthPosts;
import org.parley.search.AnalyticsFigures.MonthRate;
import org.parley.search.AnalyticsFigures.TagGrowth;
import org.parley.search.AnalyticsFigures.UserCount;
import org.parley.search.AnalyticsFigures.WeekdayCount;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;
import org.parley.user.UserService;

/**
 * Analytics on the test server's Lucene index over posts and messages made through the services, then moved to known
 * dates: every figure by aggregation equals the expected numbers and the same figure by SQL; a user's message figures
 * count only their own messages and follow "delete for me"; only admins get a site's figures.
 */
@ExtendWith(ArquillianExtension.class)
class AnalyticsIT {

    static final String PASSWORD = "correct-horse-battery";
    static final AnalyticsPeriod Y2025 = AnalyticsPeriod.parse("2025");

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.withEjbBeans(ParleyDeployment.ear(AnalyticsIT.class), AnalyticsFixture.class);
    }

    @EJB
    SiteService sites;

    @EJB
    UserService users;

    @EJB
    QuestionService questions;

    @EJB
    MessageService messages;

    @EJB
    SiteAnalytics byIndex;

    @EJB
    SiteAnalyticsSql bySql;

    @EJB
    MessageAnalytics messagesByIndex;

    @EJB
    MessageAnalyticsSql messagesBySql;

    @EJB
    AnalyticsService service;

    @EJB
    AnalyticsFixture fixture;

    @EJB
    Reputations reputations;

    SiteInfo site;
    Actor boss;
    Actor alice;
    Actor bob;
    Actor carl;

    @BeforeEach
    void freshSite() {
        String name = ParleyDeployment.unique("ana");
        site = sites.ensureSite(name + ".localhost", name, "Analytics " + name, "A site for one test");
        reputations.open(site.id()); // new users ask several questions in a row here
        users.createUser(site.id(), "boss", "The Admin", PASSWORD, Role.ADMIN);
        users.createUser(site.id(), "alice", "Alice Asker", PASSWORD, Role.USER);
        users.createUser(site.id(), "bob", "Bob Brewer", PASSWORD, Role.USER);
        users.createUser(site.id(), "carl", "Carl Cider", PASSWORD, Role.USER);
        boss = users.actorFor(site.id(), "boss").orElseThrow();
        alice = users.actorFor(site.id(), "alice").orElseThrow();
        bob = users.actorFor(site.id(), "bob").orElseThrow();
        carl = users.actorFor(site.id(), "carl").orElseThrow();
    }

    @Test
    void siteFiguresByAggregationAreExactAndEqualSql() throws Exception {
        long q1 = ask(alice, "How long should a stout age?", "wine", "beer");
        long q2 = ask(bob, "Which grapes make a dry white?", "wine");
        long q3 = ask(alice, "Why does my lager taste of apples?", "beer");
        long q4 = ask(carl, "Is perry a kind of cider at all?", "cider");
        long q5 = ask(bob, "Does wine breathe in the glass?", "wine");
        long a1 = questions.answer(bob, q1, "Six months in a cool cellar is a good start.");
        assertNotNull(fixture.firstAnswerSeconds(site.id(), q1), "the first answer sets the question's time");
        long a2 = questions.answer(carl, q1, "A year for an imperial stout, longer if it is strong.");
        long a3 = questions.answer(carl, q2, "Sauvignon blanc and riesling, mostly.");
        long a4 = questions.answer(bob, q3, "Acetaldehyde: give it more time on the yeast.");
        assertNull(fixture.firstAnswerSeconds(site.id(), q4), "unanswered: no time");
        settle();
        // Answering through the service re-indexes the question: its answer count and first-answer time are fresh.
        AnalyticsPeriod thisMonth = AnalyticsPeriod.containing(AnalyticsPeriod.Unit.MONTH, Instant.now());
        List<MonthRate> now = byIndex.answerRatePerMonth(site.id(), thisMonth);
        assertEquals(new MonthRate(thisMonth.months().get(11), 5, 3), now.get(11));
        assertEquals(now, bySql.answerRatePerMonth(site.id(), thisMonth));
        assertEquals(
                3,
                byIndex.medianFirstAnswerPerMonth(site.id(), thisMonth).get(11).answered());
        assertEquals(
                bySql.medianFirstAnswerPerMonth(site.id(), thisMonth),
                byIndex.medianFirstAnswerPerMonth(site.id(), thisMonth));

        backdate(q1, "2025-03-10T09:00:00Z", 3600L);
        backdate(q2, "2025-03-20T14:00:00Z", 600L);
        backdate(q3, "2025-05-01T09:30:00Z", 86_400L);
        backdate(q4, "2024-06-01T10:00:00Z", null);
        backdate(q5, "2024-07-01T10:00:00Z", null);
        backdate(a1, "2025-03-10T10:00:00Z", null);
        backdate(a2, "2025-03-11T09:00:00Z", null);
        backdate(a3, "2025-03-20T14:10:00Z", null);
        backdate(a4, "2025-05-02T09:30:00Z", null);
        settle();

        long siteId = site.id();
        List<MonthPosts> posts = byIndex.postsPerMonth(siteId, Y2025);
        assertEquals(new MonthPosts(YearMonth.of(2025, 3), 2, 3), posts.get(2));
        assertEquals(new MonthPosts(YearMonth.of(2025, 5), 1, 1), posts.get(4));
        assertEquals(3, posts.stream().mapToLong(MonthPosts::questions).sum());
        assertEquals(posts, bySql.postsPerMonth(siteId, Y2025));

        List<MonthRate> rates = byIndex.answerRatePerMonth(siteId, Y2025);
        assertEquals(new MonthRate(YearMonth.of(2025, 3), 2, 2), rates.get(2));
        assertNull(rates.get(0).rate(), "no question in January: no rate");
        assertEquals(rates, bySql.answerRatePerMonth(siteId, Y2025));
        List<MonthRate> rates2024 = byIndex.answerRatePerMonth(siteId, AnalyticsPeriod.parse("2024"));
        assertEquals(0.0, rates2024.get(5).rate(), "June 2024's one question has no answer");
        assertEquals(rates2024, bySql.answerRatePerMonth(siteId, AnalyticsPeriod.parse("2024")));

        List<MonthMedian> medians = byIndex.medianFirstAnswerPerMonth(siteId, Y2025);
        assertEquals(new MonthMedian(YearMonth.of(2025, 3), 2, 600L), medians.get(2), "lower median of 600, 3600");
        assertEquals(new MonthMedian(YearMonth.of(2025, 5), 1, 86_400L), medians.get(4));
        assertEquals(new MonthMedian(YearMonth.of(2025, 1), 0, null), medians.get(0));
        assertEquals(medians, bySql.medianFirstAnswerPerMonth(siteId, Y2025));

        List<TagGrowth> tags = byIndex.topTags(siteId, Y2025, 10);
        assertEquals(List.of(new TagGrowth("beer", 2, 0), new TagGrowth("wine", 2, 1)), tags);
        assertEquals(1.0, tags.get(1).growth());
        assertNull(tags.get(0).growth(), "new this year: no growth figure");
        assertEquals(tags, bySql.topTags(siteId, Y2025, 10));
        assertEquals(List.of(new TagGrowth("beer", 2, 0)), byIndex.topTags(siteId, Y2025, 1));
        assertEquals(byIndex.topTags(siteId, Y2025, 1), bySql.topTags(siteId, Y2025, 1));

        List<HourCount> hours = byIndex.busiestHours(siteId, Y2025);
        assertEquals(24, hours.size());
        assertEquals(4, hours.get(9).count());
        assertEquals(1, hours.get(10).count());
        assertEquals(2, hours.get(14).count());
        assertEquals(7, hours.stream().mapToLong(HourCount::count).sum());
        assertEquals(hours, bySql.busiestHours(siteId, Y2025));

        List<String> top = List.of("beer", "wine");
        var answerers = byIndex.topAnswerers(siteId, Y2025, top, 5);
        assertEquals(answerers, bySql.topAnswerers(siteId, Y2025, top, 5));
        assertEquals(List.of(2L, 1L), counts(answerers.get(0).answerers()), "beer: bob 2, carl 1");
        assertEquals(List.of(2L, 1L), counts(answerers.get(1).answerers()), "wine: carl 2, bob 1");

        AnalyticsService.SiteReport report = service.siteReport(boss, Y2025);
        assertEquals(
                "Bob Brewer",
                report.answerers().get(0).answerers().get(0).user().displayName());
        assertEquals(
                "Carl Cider",
                report.answerers().get(1).answerers().get(0).user().displayName());
        assertEquals(tags, report.tags());

        assertThrows(NotAllowedException.class, () -> service.siteReport(alice, Y2025), "a user is refused");
        assertThrows(NotAllowedException.class, () -> service.siteReport(null, Y2025), "so is nobody");
    }

    @Test
    void messageFiguresCountOnlyOnesOwnAndEqualSql() throws Exception {
        SentMessage m1 = messages.send(alice, "bob", "Are you coming to the tasting?");
        SentMessage m2 = messages.reply(bob, m1.conversationId(), "Yes, with two friends.");
        SentMessage m3 = messages.reply(alice, m1.conversationId(), "Great, see you there.");
        SentMessage m4 = messages.send(alice, "carl", "Can you bring some perry?");
        SentMessage m5 = messages.reply(carl, m4.conversationId(), "Two bottles.");
        List<Long> ids = List.of(m1.id(), m2.id(), m3.id(), m4.id(), m5.id());
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (fixture.delivered(ids) < ids.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(ids.size(), fixture.delivered(ids), "all delivered within 20 s");
        assertNull(fixture.replySeconds(m1.id()), "a first message is no reply");
        assertNotNull(fixture.replySeconds(m2.id()), "an answer to the other's message is a reply");
        assertNull(fixture.replySeconds(m4.id()), "a new conversation's first message is no reply");

        fixture.backdateMessage(m1.id(), Instant.parse("2025-03-03T08:00:00Z"), null); // Monday
        fixture.backdateMessage(m2.id(), Instant.parse("2025-03-03T09:00:00Z"), 3600L);
        fixture.backdateMessage(m3.id(), Instant.parse("2025-03-04T10:00:00Z"), 90_000L); // Tuesday
        fixture.backdateMessage(m4.id(), Instant.parse("2025-03-05T10:00:00Z"), null); // Wednesday
        fixture.backdateMessage(m5.id(), Instant.parse("2025-03-07T10:00:00Z"), 172_800L); // Friday
        settle();

        long a = alice.userId();
        var months = messagesByIndex.perMonth(a, Y2025);
        assertEquals(3, months.get(2).sent());
        assertEquals(2, months.get(2).received());
        assertEquals(5, months.stream().mapToLong(m -> m.sent() + m.received()).sum());
        assertEquals(months, messagesBySql.perMonth(a, Y2025));

        List<UserCount> correspondents = messagesByIndex.topCorrespondents(a, Y2025, 10);
        assertEquals(List.of(new UserCount(bob.userId(), 3), new UserCount(carl.userId(), 2)), correspondents);
        assertEquals(correspondents, messagesBySql.topCorrespondents(a, Y2025, 10));
        assertEquals(List.of(new UserCount(bob.userId(), 3)), messagesByIndex.topCorrespondents(a, Y2025, 1));

        assertEquals(new AnalyticsFigures.Median(1, 90_000L), messagesByIndex.medianReplySeconds(a, Y2025));
        assertEquals(messagesByIndex.medianReplySeconds(a, Y2025), messagesBySql.medianReplySeconds(a, Y2025));
        assertEquals(new AnalyticsFigures.Median(1, 3600L), messagesByIndex.medianReplySeconds(bob.userId(), Y2025));
        assertEquals(
                new AnalyticsFigures.Median(0, null),
                messagesByIndex.medianReplySeconds(a, AnalyticsPeriod.parse("2024")));
        assertEquals(
                messagesBySql.medianReplySeconds(a, AnalyticsPeriod.parse("2024")),
                messagesByIndex.medianReplySeconds(a, AnalyticsPeriod.parse("2024")));

        List<WeekdayCount> weekdays = messagesByIndex.weekdays(a, Y2025);
        assertEquals(
                List.of(2L, 1L, 1L, 0L, 1L, 0L, 0L),
                weekdays.stream().map(WeekdayCount::count).toList());
        assertEquals(weekdays, messagesBySql.weekdays(a, Y2025));

        // Carl sees his two messages only.
        var carls = messagesByIndex.perMonth(carl.userId(), Y2025);
        assertEquals(1, carls.get(2).sent());
        assertEquals(1, carls.get(2).received());
        assertEquals(carls, messagesBySql.perMonth(carl.userId(), Y2025));

        // The site's messages per day count every delivered message once.
        List<DayCount> days = byIndex.messagesPerDay(site.id(), AnalyticsPeriod.parse("2025-03"));
        Map<LocalDate, Long> perDay = days.stream().collect(Collectors.toMap(DayCount::day, DayCount::count));
        assertEquals(31, days.size());
        assertEquals(2L, perDay.get(LocalDate.of(2025, 3, 3)));
        assertEquals(1L, perDay.get(LocalDate.of(2025, 3, 7)));
        assertEquals(5, days.stream().mapToLong(DayCount::count).sum());
        assertEquals(days, bySql.messagesPerDay(site.id(), AnalyticsPeriod.parse("2025-03")));

        // "Delete for me" takes a message out of that user's figures only.
        messages.deleteForMe(bob, m1.id());
        settle();
        assertEquals(1, messagesByIndex.perMonth(bob.userId(), Y2025).get(2).received());
        assertEquals(messagesByIndex.perMonth(bob.userId(), Y2025), messagesBySql.perMonth(bob.userId(), Y2025));
        assertEquals(2, messagesByIndex.perMonth(a, Y2025).get(2).received(), "alice keeps hers");
        assertEquals(3, messagesByIndex.perMonth(a, Y2025).get(2).sent());

        AnalyticsService.MessageReport report = service.messageReport(alice, Y2025);
        assertEquals("Bob Brewer", report.correspondents().get(0).user().displayName());
        assertThrows(NotAllowedException.class, () -> service.messageReport(null, Y2025));
    }

    @Test
    void topTagsCountThePeriodBeforeForEveryTopTag() throws Exception {
        long q1 = ask(alice, "How long should a stout age?", "beer");
        long q2 = ask(bob, "Which grapes make a dry white?", "wine");
        long q3 = ask(alice, "Is a cider with beer yeast still a cider?", "beer", "cider");
        long q4 = ask(bob, "Can a cider be aged like a wine?", "wine", "cider");
        settle();
        backdate(q1, "2025-03-10T09:00:00Z", null);
        backdate(q2, "2025-04-10T09:00:00Z", null);
        backdate(q3, "2024-03-10T09:00:00Z", null);
        backdate(q4, "2024-04-10T09:00:00Z", null);
        settle();
        // In 2024 the questions with beer or wine count cider twice: an aggregation of the two biggest buckets among
        // them left beer or wine out, and its count of the year before came out as 0.
        List<TagGrowth> tags = byIndex.topTags(site.id(), Y2025, 2);
        assertEquals(List.of(new TagGrowth("beer", 1, 1), new TagGrowth("wine", 1, 1)), tags);
        assertEquals(tags, bySql.topTags(site.id(), Y2025, 2));
    }

    private long ask(Actor who, String title, String... tags) {
        return questions
                .ask(who, title, "A question body long enough to be accepted by the rules.", List.of(tags))
                .number();
    }

    private void backdate(long number, String created, Long firstAnswerSeconds) {
        fixture.backdatePost(site.id(), number, Instant.parse(created), firstAnswerSeconds);
    }

    private static List<Long> counts(List<UserCount> users) {
        return users.stream().map(UserCount::count).toList();
    }

    /** Waits until what was written is searchable: at once with Lucene, after the refresh interval with Elasticsearch. */
    static void settle() throws InterruptedException {
        if ("elasticsearch".equals(System.getProperty("parley.search.backend"))) {
            Thread.sleep(1500);
        }
    }
}
