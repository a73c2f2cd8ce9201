package org.parley.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.rules.InvalidInputException;
import org.parley.rules.RateLimitedException;
import org.parley.site.Limit;
import org.parley.site.Privilege;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;
import org.parley.user.UserService;

/**
 * The anti-abuse limits through the services on H2: a new user's question interval and links, votes a day; each
 * allowed and refused, on two sites that never share a limit, moderators held by none.
 */
class NewUserLimitsH2Test {

    private static final String BODY = "Some **markdown** body that is long enough to be a real question.";
    private static final String LINKED = "The manual at [example.com](https://example.com/manual) says nothing.";
    private static final String PASSWORD = "correct-horse-battery";

    private H2Services h2;
    private SiteService sites;
    private UserService users;
    private QuestionService questions;
    private VoteService votes;

    private SiteInfo bikes;
    private SiteInfo beer;

    @BeforeEach
    void twoSitesWithTheDefaultLimits() {
        h2 = new H2Services();
        sites = h2.bean(SiteService.class);
        users = h2.bean(UserService.class);
        questions = h2.bean(QuestionService.class);
        votes = h2.bean(VoteService.class);
        bikes = h2.tx(() -> sites.ensureSite("bicycles.localhost", "bicycles", "Bicycles", ""));
        beer = h2.tx(() -> sites.ensureSite("beer.localhost", "beer", "Beer", ""));
        for (SiteInfo s : List.of(bikes, beer)) {
            // Votes from the first point, so that the vote limit is what a test meets, not the privilege.
            h2.tx(() -> sites.changePrivileges(
                    new Actor(0, s.id(), Role.ADMIN), s.id(), Map.of(Privilege.VOTE_UP, 1, Privilege.VOTE_DOWN, 1)));
        }
    }

    @AfterEach
    void closeDatabase() {
        h2.close();
    }

    private Actor user(SiteInfo on, String username, Role role) {
        h2.tx(() -> users.createUser(on.id(), username, "User " + username, PASSWORD, role));
        return h2.tx(() -> users.actorFor(on.id(), username).orElseThrow());
    }

    private QuestionSummary ask(Actor who, String title, String body) {
        return h2.tx(() -> questions.ask(who, title, body, List.of("misc")));
    }

    private void reputation(Actor who, int points) {
        h2.run(() -> {
            org.parley.user.User u = h2.bean(EntityManager.class).find(org.parley.user.User.class, who.userId());
            u.changeReputation(points - u.getReputation());
        });
    }

    /** Moves every question of {@code who} back in time, as if asked {@code ago} earlier. */
    private void askedEarlier(Actor who, Duration ago) {
        h2.run(() -> h2.bean(EntityManager.class)
                .createQuery("select q from Question q where q.owner.id = :owner", Question.class)
                .setParameter("owner", who.userId())
                .getResultStream()
                .forEach(q -> h2.bean(EntityManager.class)
                        .createQuery("update Question q set q.createdAt = :at where q.id = :id")
                        .setParameter("at", q.getCreatedAt().minus(ago))
                        .setParameter("id", q.getId())
                        .executeUpdate()));
    }

    private long questionsOf(Actor who) {
        return h2.tx(() -> h2.bean(EntityManager.class)
                .createQuery("select count(q) from Question q where q.owner.id = :owner", Long.class)
                .setParameter("owner", who.userId())
                .getSingleResult());
    }

    @Test
    void aNewUserAsksOneQuestionPerIntervalOnEachSite() {
        Actor ada = user(bikes, "ada", Role.USER);
        Actor adaOnBeer = user(beer, "ada", Role.USER);
        Actor mod = user(bikes, "mod", Role.MODERATOR);

        ask(ada, "How do I tune a derailleur quickly?", BODY);
        RateLimitedException again =
                assertThrows(RateLimitedException.class, () -> ask(ada, "How do I true a wheel at home?", BODY));
        assertTrue(
                again.getMessage().startsWith("New users can ask one question every 40 minutes on this site"),
                again.getMessage());
        assertTrue(again.getMessage().endsWith("You can ask again in 40 minutes."), again.getMessage());
        assertTrue(
                again.retryAfter().compareTo(Duration.ofMinutes(39)) > 0
                        && again.retryAfter().compareTo(Duration.ofMinutes(40)) <= 0,
                again.retryAfter().toString());
        assertEquals(1, questionsOf(ada), "nothing stored");

        // Rules never cross sites: Ada on the beer site is another user, with her own first question.
        ask(adaOnBeer, "Why is my pale ale so cloudy today?", BODY);
        assertThrows(RateLimitedException.class, () -> ask(adaOnBeer, "Why is my stout so thin today?", BODY));

        // A moderator asks as often as they like, from their first point.
        ask(mod, "Which chain lube lasts longest in rain?", BODY);
        ask(mod, "Which tyre pressure for gravel roads?", BODY);

        // Half an hour later she waits ten minutes more; after 40 she asks.
        askedEarlier(ada, Duration.ofMinutes(30));
        RateLimitedException later =
                assertThrows(RateLimitedException.class, () -> ask(ada, "How do I true a wheel at home?", BODY));
        assertTrue(later.getMessage().endsWith("You can ask again in 10 minutes."), later.getMessage());
        askedEarlier(ada, Duration.ofMinutes(10));
        ask(ada, "How do I true a wheel at home?", BODY);

        // At 10 reputation she is no longer new.
        reputation(ada, 10);
        ask(ada, "How do I fit a new brake cable?", BODY);
        assertEquals(3, questionsOf(ada));

        // The beer site's admin lets new users ask every minute; the bicycles site keeps 40.
        h2.tx(() -> sites.changeLimits(
                new Actor(0, beer.id(), Role.ADMIN), beer.id(), Map.of(Limit.QUESTION_INTERVAL_MINUTES, 1)));
        askedEarlier(adaOnBeer, Duration.ofMinutes(1));
        ask(adaOnBeer, "Why is my stout so thin today?", BODY);
        Actor bo = user(bikes, "bob", Role.USER);
        ask(bo, "Where do I find a bottom bracket tool?", BODY);
        askedEarlier(bo, Duration.ofMinutes(1));
        assertThrows(RateLimitedException.class, () -> ask(bo, "How tight should a headset be?", BODY));
    }

    @Test
    void linksInPostsComeAtTenReputation() {
        Actor ada = user(bikes, "ada", Role.USER);
        Actor bo = user(bikes, "bob", Role.USER);
        Actor mod = user(bikes, "mod", Role.MODERATOR);
        Actor adaOnBeer = user(beer, "ada", Role.USER);

        InvalidInputException asked =
                assertThrows(InvalidInputException.class, () -> ask(ada, "Where is the derailleur manual?", LINKED));
        assertEquals("body", asked.field());
        assertEquals(
                "Links in posts come at 10 reputation on this site, and you have 1: take out the link to"
                        + " https://example.com/manual, or write the address as code.",
                asked.getMessage());
        assertEquals(0, questionsOf(ada));
        QuestionSummary q = ask(ada, "Where is the derailleur manual?", BODY + " See `https://example.com/manual`.");

        InvalidInputException answered = assertThrows(
                InvalidInputException.class,
                () -> h2.tx(() -> questions.answer(bo, q.number(), "Try https://spam.example.net/cheap-parts now.")));
        assertEquals("body", answered.field());
        InvalidInputException edited = assertThrows(
                InvalidInputException.class,
                () -> h2.run(() ->
                        questions.edit(ada, q.number(), "Where is the derailleur manual?", LINKED, List.of("misc"))));
        assertEquals("body", edited.field());

        // Moderators link from their first point; at 10 reputation anyone does; an edit keeping a link is fine.
        h2.tx(() -> questions.answer(mod, q.number(), "The maker's page: https://example.com/manual, page 4."));
        reputation(bo, 10);
        long a = h2.tx(() -> questions.answer(bo, q.number(), "Try [the shop](https://example.com/shop) downtown."));
        reputation(bo, 1);
        h2.run(() -> questions.edit(bo, a, null, "Try [the bike shop](https://example.com/shop) downtown.", null));
        assertThrows(
                InvalidInputException.class,
                () -> h2.run(() -> questions.edit(
                        bo, a, null, "Try [the bike shop](https://example.com/shop) or https://x.example.org.", null)));

        // Another site's setting: nobody is new on beer, so Ada links there, and still not on bicycles.
        h2.tx(() -> sites.changeLimits(
                new Actor(0, beer.id(), Role.ADMIN), beer.id(), Map.of(Limit.NEW_USER_REPUTATION, 0)));
        ask(adaOnBeer, "Where is the brewing manual online?", LINKED);
        assertThrows(
                InvalidInputException.class,
                () -> h2.run(() ->
                        questions.edit(ada, q.number(), "Where is the derailleur manual?", LINKED, List.of("misc"))));
    }

    @Test
    void fortyVotesADayForEveryoneButModerators() {
        Actor asker = user(bikes, "asker", Role.USER);
        Actor author = user(bikes, "author", Role.USER);
        Actor voter = user(bikes, "voter", Role.USER);
        Actor mod = user(bikes, "mod", Role.MODERATOR);
        reputation(voter, 5_000); // the limit holds whatever the reputation
        QuestionSummary q = ask(asker, "Which pedals for commuting in town?", BODY);
        List<Long> answers = new ArrayList<>();
        for (int i = 0; i < 42; i++) {
            int n = i;
            answers.add(h2.tx(() -> questions.answer(
                    author, q.number(), "Answer number " + n + ": flat pedals, and shoes with a stiff sole.")));
        }
        for (int i = 0; i < 40; i++) {
            long post = answers.get(i);
            VoteType type = i % 2 == 0 ? VoteType.UP : VoteType.DOWN;
            h2.tx(() -> votes.vote(voter, post, type));
        }
        RateLimitedException refused = assertThrows(
                RateLimitedException.class, () -> h2.tx(() -> votes.vote(voter, answers.get(40), VoteType.UP)));
        assertTrue(refused.getMessage().startsWith("You have cast your 40 votes for today."), refused.getMessage());
        Instant midnight = Instant.now()
                .atZone(java.time.ZoneOffset.UTC)
                .toLocalDate()
                .plusDays(1)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant();
        assertTrue(
                refused.retryAfter()
                                .compareTo(Duration.between(Instant.now(), midnight)
                                        .plusSeconds(2))
                        <= 0,
                refused.retryAfter().toString());
        assertEquals(
                0,
                h2.tx(() -> questions.view(bikes.id(), q.number(), null)).answers().stream()
                        .filter(x -> x.number() == answers.get(40))
                        .findFirst()
                        .orElseThrow()
                        .score(),
                "nothing stored");

        // Changing and taking back a vote are always allowed.
        assertEquals(
                VoteType.UP,
                h2.tx(() -> votes.vote(voter, answers.get(1), VoteType.UP)).myVote());
        assertNull(h2.tx(() -> votes.vote(voter, answers.get(1), VoteType.UP)).myVote());
        // Taken back, a vote is no longer among today's: one more may be cast, then no more.
        h2.tx(() -> votes.vote(voter, answers.get(40), VoteType.UP));
        assertThrows(RateLimitedException.class, () -> h2.tx(() -> votes.vote(voter, answers.get(41), VoteType.UP)));

        // Moderators have no limit.
        for (long post : answers) {
            h2.tx(() -> votes.vote(mod, post, VoteType.UP));
        }

        // Yesterday's votes do not count today.
        h2.run(() -> h2.bean(EntityManager.class)
                .createQuery("update Vote v set v.createdAt = :yesterday where v.voter.id = :voter")
                .setParameter(
                        "yesterday",
                        org.parley.site.SiteLimits.startOfDay(Instant.now()).minus(Duration.ofHours(1)))
                .setParameter("voter", voter.userId())
                .executeUpdate());
        h2.tx(() -> votes.vote(voter, answers.get(41), VoteType.UP));

        // Each site has its own: two a day on beer, while bicycles keeps 40.
        h2.tx(() -> sites.changeLimits(new Actor(0, beer.id(), Role.ADMIN), beer.id(), Map.of(Limit.VOTES_PER_DAY, 2)));
        Actor brewer = user(beer, "brewer", Role.USER);
        Actor taster = user(beer, "taster", Role.USER);
        QuestionSummary ale = ask(brewer, "Why is my pale ale so cloudy today?", BODY);
        QuestionSummary stout =
                h2.tx(() -> questions.ask(mod(beer), "Why is my stout so thin today?", BODY, List.of("x")));
        QuestionSummary lager =
                h2.tx(() -> questions.ask(mod(beer), "Why is my lager so sweet today?", BODY, List.of("x")));
        h2.tx(() -> votes.vote(taster, ale.number(), VoteType.UP));
        h2.tx(() -> votes.vote(taster, stout.number(), VoteType.UP));
        RateLimitedException two = assertThrows(
                RateLimitedException.class, () -> h2.tx(() -> votes.vote(taster, lager.number(), VoteType.UP)));
        assertTrue(two.getMessage().startsWith("You have cast your 2 votes for today."), two.getMessage());
    }

    private Actor beerMod;

    private Actor mod(SiteInfo on) {
        if (beerMod == null) {
            beerMod = user(on, "beermod", Role.MODERATOR);
        }
        return beerMod;
    }
}
