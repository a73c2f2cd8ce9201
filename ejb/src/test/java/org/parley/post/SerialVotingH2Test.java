package org.parley.post;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.moderation.ModerationService;
import org.parley.site.Limit;
import org.parley.site.Privilege;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;
import org.parley.user.UserService;

/**
 * The serial-voting reversal on H2: the votes of one user on another's posts beyond the site's limit in one UTC day
 * are taken back exactly as retracting would, with their events; votes at the limit, on other authors, on other days
 * and on another site stay.
 */
class SerialVotingH2Test {

    private static final String BODY = "Some **markdown** body that is long enough to be a real question.";
    private static final String PASSWORD = "correct-horse-battery";

    private H2Services h2;
    private SiteService sites;
    private UserService users;
    private QuestionService questions;
    private VoteService votes;
    private UserPostService profiles;
    private SerialVotingTimer timer;

    @BeforeEach
    void services() {
        h2 = new H2Services();
        sites = h2.bean(SiteService.class);
        users = h2.bean(UserService.class);
        questions = h2.bean(QuestionService.class);
        votes = h2.bean(VoteService.class);
        profiles = h2.bean(UserPostService.class);
        timer = h2.bean(SerialVotingTimer.class);
    }

    @AfterEach
    void closeDatabase() {
        h2.close();
    }

    /** A site where everyone votes from the first point and answers freely. */
    private SiteInfo site(String name) {
        SiteInfo s = h2.tx(() -> sites.ensureSite(name + ".localhost", name, name, ""));
        h2.tx(() -> sites.changePrivileges(
                new Actor(0, s.id(), Role.ADMIN), s.id(), Map.of(Privilege.VOTE_UP, 1, Privilege.VOTE_DOWN, 1)));
        return s;
    }

    private Actor user(SiteInfo on, String username, int reputation) {
        h2.tx(() -> users.createUser(on.id(), username, "User " + username, PASSWORD, Role.USER));
        Actor actor = h2.tx(() -> users.actorFor(on.id(), username).orElseThrow());
        h2.run(() -> {
            org.parley.user.User u = h2.bean(EntityManager.class).find(org.parley.user.User.class, actor.userId());
            u.changeReputation(reputation - u.getReputation());
        });
        return actor;
    }

    private int reputation(SiteInfo on, Actor who) {
        long number = h2.tx(() -> h2.bean(EntityManager.class)
                .find(org.parley.user.User.class, who.userId())
                .getNumber());
        return h2.tx(() -> profiles.profile(on.id(), number).orElseThrow().reputation());
    }

    /** {@code count} answers by {@code author} to a question of {@code asker}. */
    private List<Long> answers(Actor asker, Actor author, int count) {
        QuestionSummary q =
                h2.tx(() -> questions.ask(asker, "A question for " + count + " answers?", BODY, List.of("x")));
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            out.add(h2.tx(
                    () -> questions.answer(author, q.number(), "Answer " + n + " which is long enough to count.")));
        }
        return out;
    }

    private void vote(Actor voter, List<Long> posts, VoteType type) {
        for (long post : posts) {
            h2.tx(() -> votes.vote(voter, post, type));
        }
    }

    /** Moves every vote cast so far on the site to {@code at}. */
    private void castAt(SiteInfo on, Instant at) {
        h2.run(() -> h2.bean(EntityManager.class)
                .createQuery("update Vote v set v.createdAt = :at where v.post.id in"
                        + " (select p.id from Post p where p.site.id = :site)")
                .setParameter("at", at)
                .setParameter("site", on.id())
                .executeUpdate());
    }

    private long votesBy(Actor voter) {
        return h2.tx(() -> h2.bean(EntityManager.class)
                .createQuery("select count(v) from Vote v where v.voter.id = :voter", Long.class)
                .setParameter("voter", voter.userId())
                .getSingleResult());
    }

    private int score(SiteInfo on, long post) {
        return h2.tx(() -> h2.bean(EntityManager.class)
                .createQuery("select p.score from Post p where p.site.id = :site and p.number = :n", Integer.class)
                .setParameter("site", on.id())
                .setParameter("n", post)
                .getSingleResult());
    }

    @Test
    void votesOfOneUserOnAnothersPostsBeyondTheLimitInADayAreReversed() {
        SiteInfo bikes = site("bicycles");
        Actor asker = user(bikes, "asker", 500);
        Actor star = user(bikes, "star", 500);
        Actor other = user(bikes, "other", 500);
        Actor fan = user(bikes, "fan", 500);
        Actor hater = user(bikes, "hater", 500);
        Actor fair = user(bikes, "fair", 500);
        List<Long> stars = answers(asker, star, 12);
        List<Long> others = answers(asker, other, 3);

        vote(fan, stars.subList(0, 11), VoteType.UP); // 11 > 10: reversed
        vote(fan, others, VoteType.UP); // another author: stays
        vote(hater, stars.subList(0, 11), VoteType.DOWN); // 11 down votes: reversed, and the voter's -1 each back
        vote(fair, stars.subList(0, 10), VoteType.UP); // exactly the limit: stays
        h2.tx(() -> users.createUser(bikes.id(), "mod", "The Moderator", PASSWORD, Role.MODERATOR));
        Actor mod = h2.tx(() -> users.actorFor(bikes.id(), "mod").orElseThrow());
        vote(mod, stars.subList(0, 11), VoteType.UP); // a moderator's votes: never reversed
        Instant yesterday =
                LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
        castAt(bikes, yesterday);
        assertEquals(500 + 10 * 32 - 2 * 11, reputation(bikes, star));
        assertEquals(500 - 11, reputation(bikes, hater));
        assertEquals(1 + 1 - 1 + 1, score(bikes, stars.get(0)));

        // The beer site has the same pattern but no reversal (limit 0): rules never cross sites.
        SiteInfo beer = site("beer");
        h2.tx(() -> sites.changeLimits(
                new Actor(0, beer.id(), Role.ADMIN), beer.id(), Map.of(Limit.SERIAL_VOTES_PER_DAY, 0)));
        Actor brewer = user(beer, "brewer", 500);
        Actor beerFan = user(beer, "fan", 500);
        List<Long> brews = answers(user(beer, "asker", 500), brewer, 11);
        vote(beerFan, brews, VoteType.UP);
        castAt(beer, yesterday);
        // Today's serial votes wait for tomorrow night's run.
        List<Long> todays = answers(asker, other, 11);
        vote(fair, todays, VoteType.UP);
        int eventsBefore = h2.events.size();

        List<SerialVoting.Reversal> reversed = h2.tx(() -> timer.reverseRecent(Instant.now()));

        long starNumber = number(star);
        assertEquals(
                Set.of(
                        new SerialVoting.Reversal(number(fan), starNumber, VoteType.UP, 11),
                        new SerialVoting.Reversal(number(hater), starNumber, VoteType.DOWN, 11)),
                Set.copyOf(reversed));
        assertEquals(
                500 + 10 * 21,
                reputation(bikes, star),
                "only fair's and the moderator's votes count, as if the rest were retracted");
        assertEquals(500, reputation(bikes, hater), "the down votes' cost is given back");
        assertEquals(500, reputation(bikes, fan));
        assertEquals(3, votesBy(fan), "the votes on the other author stay");
        assertEquals(0, votesBy(hater));
        assertEquals(10 + 11, votesBy(fair), "at the limit, and today's, stay");
        for (int i = 0; i < 12; i++) {
            assertEquals((i < 10 ? 1 : 0) + (i < 11 ? 1 : 0), score(bikes, stars.get(i)), "score of answer " + i);
        }
        assertEquals(1, score(bikes, others.get(0)), "fan's vote on another author stays");
        assertEquals(11, votesBy(beerFan), "the beer site's votes stay");

        // Each changed post told caches, lists and search.
        Set<Long> changed = h2.events.subList(eventsBefore, h2.events.size()).stream()
                .filter(e -> e instanceof PostChanged c && c.kind() == PostChanged.Kind.VOTED)
                .map(e -> ((PostChanged) e).postNumber())
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(stars.subList(0, 11)), changed);

        // A second run over the same days finds nothing more.
        assertEquals(List.of(), h2.tx(() -> timer.reverseRecent(Instant.now())));
        // Today's are for tomorrow night's run.
        assertEquals(
                List.of(new SerialVoting.Reversal(number(fair), number(other), VoteType.UP, 11)),
                h2.tx(() -> timer.reverseRecent(Instant.now().plus(Duration.ofDays(1)))));
        assertEquals(10, votesBy(fair));
    }

    @Test
    void votesOnADeletedPostAreLeftAloneTheirReputationIsHeldAlready() {
        SiteInfo s = site("held");
        Actor asker = user(s, "asker", 1);
        Actor author = user(s, "author", 1);
        Actor fan = user(s, "fan", 1);
        h2.tx(() -> users.createUser(s.id(), "mod", "User mod", PASSWORD, Role.MODERATOR));
        Actor mod = h2.tx(() -> users.actorFor(s.id(), "mod").orElseThrow());
        List<Long> posts = answers(asker, author, 12);
        vote(fan, posts, VoteType.UP);
        assertEquals(1 + 120, reputation(s, author));
        ModerationService moderation = h2.bean(ModerationService.class);
        h2.tx(() -> moderation.delete(mod, posts.get(0)));
        assertEquals(1 + 110, reputation(s, author), "the deleted answer's vote no longer counts");
        castAt(s, Instant.now().minus(Duration.ofDays(1)));

        h2.tx(() -> timer.reverseRecent(Instant.now()));
        assertEquals(1, reputation(s, author), "the eleven live answers' votes reversed, none twice");
        assertEquals(1, votesBy(fan), "the deleted answer's vote stays");
        h2.tx(() -> moderation.undelete(mod, posts.get(0)));
        assertEquals(1 + 10, reputation(s, author), "undeleted: its one vote counts again");
    }

    @Test
    void theLimitIsTheSitesOwn() {
        SiteInfo bikes = site("bicycles");
        h2.tx(() -> sites.changeLimits(
                new Actor(0, bikes.id(), Role.ADMIN), bikes.id(), Map.of(Limit.SERIAL_VOTES_PER_DAY, 3)));
        Actor asker = user(bikes, "asker", 500);
        Actor star = user(bikes, "star", 500);
        Actor fan = user(bikes, "fan", 500);
        vote(fan, answers(asker, star, 4), VoteType.UP);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        List<SerialVoting.Reversal> reversed =
                h2.tx(() -> h2.bean(SerialVoting.class).reverse(bikes.id(), today));

        assertEquals(List.of(new SerialVoting.Reversal(number(fan), number(star), VoteType.UP, 4)), reversed);
        assertEquals(500, reputation(bikes, star));
        assertEquals(0, votesBy(fan));
    }

    private long number(Actor who) {
        return h2.tx(() -> h2.bean(EntityManager.class)
                .find(org.parley.user.User.class, who.userId())
                .getNumber());
    }
}
