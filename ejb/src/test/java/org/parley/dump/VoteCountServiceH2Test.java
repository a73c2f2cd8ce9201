package org.parley.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.post.VoteService;
import org.parley.post.VoteType;
import org.parley.site.Privilege;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;
import org.parley.user.UserService;

/** The up and down votes a question page shows to "See vote counts": votes cast here and the dump's, per post. */
class VoteCountServiceH2Test {

    private static final String PASSWORD = "correct-horse-battery";
    private static final String BODY = "Some **markdown** body that is long enough to be a real question.";

    private H2Services h2;

    @BeforeEach
    void start() {
        h2 = new H2Services();
    }

    @AfterEach
    void stop() {
        h2.close();
    }

    @Test
    void votesCastHereAndTheDumpsAddUpPerPost() {
        SiteService sites = h2.bean(SiteService.class);
        UserService users = h2.bean(UserService.class);
        QuestionService questions = h2.bean(QuestionService.class);
        VoteService votes = h2.bean(VoteService.class);
        SiteInfo site = h2.tx(() -> sites.ensureSite("bicycles.localhost", "bicycles", "Bicycles", "Bikes"));
        h2.tx(() -> sites.changePrivileges(
                new Actor(0, site.id(), Role.ADMIN), site.id(), Map.of(Privilege.VOTE_UP, 1, Privilege.VOTE_DOWN, 1)));
        for (String u : List.of("asker", "upvoter", "downvoter")) {
            h2.tx(() -> users.createUser(site.id(), u, "User " + u, PASSWORD, Role.USER));
        }
        Actor asker = h2.tx(() -> users.actorFor(site.id(), "asker").orElseThrow());
        Actor up = h2.tx(() -> users.actorFor(site.id(), "upvoter").orElseThrow());
        Actor down = h2.tx(() -> users.actorFor(site.id(), "downvoter").orElseThrow());
        QuestionSummary q =
                h2.tx(() -> questions.ask(asker, "How do I true a wheel at home?", BODY, List.of("wheels")));
        long a = h2.tx(() -> questions.answer(up, q.number(), "Use a zip tie on the fork as a gauge, then tension."));
        h2.tx(() -> votes.vote(up, q.number(), VoteType.UP));
        h2.tx(() -> votes.vote(down, q.number(), VoteType.DOWN));
        h2.tx(() -> votes.vote(down, a, VoteType.UP));
        h2.run(() -> {
            EntityManager em = h2.bean(EntityManager.class);
            int id = 1;
            for (int type : new int[] {2, 2, 3, 1, 5}) { // two up, one down, an accept and a favourite
                em.createNativeQuery("insert into dump_vote (id, site_id, dump_id, post_number, vote_type_id)"
                                + " values (?1, ?2, ?3, ?4, ?5)")
                        .setParameter(1, id)
                        .setParameter(2, site.id())
                        .setParameter(3, id)
                        .setParameter(4, q.number())
                        .setParameter(5, type)
                        .executeUpdate();
                id++;
            }
        });
        Map<Long, VoteCounts> counts =
                h2.tx(() -> h2.bean(VoteCountService.class).forQuestion(site.id(), q.number()));
        assertEquals(new VoteCounts(3, 2), counts.get(q.number()));
        assertEquals(new VoteCounts(1, 0), counts.get(a));
        assertEquals(Map.of(), h2.tx(() -> h2.bean(VoteCountService.class).forQuestion(site.id(), 999)));
    }
}
