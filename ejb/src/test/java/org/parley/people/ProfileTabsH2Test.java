package org.parley.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Page;
import org.parley.common.Role;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.post.VoteService;
import org.parley.post.VoteType;
import org.parley.rules.NotAllowedException;
import org.parley.site.Privilege;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;

/** A profile's tags, reputation history and votes cast, derived from posts and votes on Hibernate and H2. */
class ProfileTabsH2Test {

    private static final String PASSWORD = "correct-horse-battery";
    private static final String BODY = "Some **markdown** body that is long enough to be a real question.";

    private H2Services h2;
    private ProfileTabs tabs;
    private SiteInfo site;
    private Actor ada;
    private Actor bob;
    private long adaNumber;
    private long bobNumber;

    @BeforeEach
    void aSiteWithVotes() {
        h2 = new H2Services();
        tabs = h2.bean(ProfileTabs.class);
        SiteService sites = h2.bean(SiteService.class);
        site = h2.tx(() -> sites.ensureSite("bicycles.localhost", "bicycles", "Bicycles", ""));
        h2.tx(() -> sites.changePrivileges(
                new Actor(0, site.id(), Role.ADMIN), site.id(), Map.of(Privilege.VOTE_UP, 1, Privilege.VOTE_DOWN, 1)));
        ada = h2.user(site.id(), "ada", PASSWORD, Role.USER, 100);
        bob = h2.user(site.id(), "bob", PASSWORD, Role.USER, 1);
        adaNumber = number("ada");
        bobNumber = number("bob");
        QuestionService questions = h2.bean(QuestionService.class);
        VoteService votes = h2.bean(VoteService.class);
        QuestionSummary q = h2.tx(() -> questions.ask(ada, "How do I true a wheel at home?", BODY, List.of("wheels")));
        QuestionSummary r = h2.tx(() -> questions.ask(ada, "Which chain lube lasts longest?", BODY, List.of("chains")));
        h2.tx(() -> votes.vote(bob, q.number(), VoteType.UP));
        h2.tx(() -> votes.vote(bob, r.number(), VoteType.DOWN));
    }

    private long number(String username) {
        return h2.tx(() -> h2.bean(jakarta.persistence.EntityManager.class)
                .createQuery("select u.number from User u where u.username = :u and u.site.id = :s", Long.class)
                .setParameter("u", username)
                .setParameter("s", site.id())
                .getSingleResult());
    }

    @AfterEach
    void close() {
        h2.close();
    }

    @Test
    void tagsAreRankedByScore() {
        List<ProfileTabs.TagScore> scores = h2.tx(() -> tabs.tagScores(site.id(), adaNumber));
        assertEquals(
                List.of(new ProfileTabs.TagScore("wheels", 1, 1), new ProfileTabs.TagScore("chains", -1, 1)), scores);
    }

    @Test
    void theHistoryAddsUpTheVotesByDay() {
        List<ProfileTabs.ReputationDay> days = h2.tx(() -> tabs.reputationHistory(site.id(), adaNumber));
        assertEquals(1, days.size());
        assertEquals(8, days.get(0).change(), "+10 - 2");
        assertEquals(9, days.get(0).total(), "from the 1 every account starts with");
        assertTrue(h2.tx(() -> tabs.reputationHistory(site.id(), bobNumber)).isEmpty());
    }

    @Test
    void votesCastAreForTheVoterAlone() {
        Page<ProfileTabs.VoteCast> mine = h2.tx(() -> tabs.votesCast(bob, bobNumber, 1));
        assertEquals(2, mine.total());
        assertEquals(VoteType.DOWN, mine.items().get(0).type(), "newest first");
        assertEquals("Which chain lube lasts longest?", mine.items().get(0).title());
        assertThrows(NotAllowedException.class, () -> h2.run(() -> tabs.votesCast(ada, bobNumber, 1)));
        assertThrows(NotAllowedException.class, () -> h2.run(() -> tabs.votesCast(null, bobNumber, 1)));
    }
}
