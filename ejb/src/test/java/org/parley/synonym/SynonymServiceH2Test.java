package org.parley.synonym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.post.QuestionService;
import org.parley.revision.HistoryTypes;
import org.parley.revision.RevisionService;
import org.parley.revision.RevisionWriter;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.tag.Tag;
import org.parley.tag.TagRepository;
import org.parley.testing.H2Services;
import org.parley.user.UserService;

/**
 * Tag synonyms on Hibernate and H2: who may propose (the privilege and a score of 5 in the target; moderators always),
 * what may be proposed, a moderator's approval mapping new questions at once and retagging the old ones in batches
 * (counts, row versions and a revision per question), and a merge.
 */
class SynonymServiceH2Test {

    private static final String PASSWORD = "correct-horse-battery";
    private static final String BODY = "A body long enough for a question about bicycles and their parts.";

    private H2Services h2;
    private SynonymService synonyms;
    private QuestionService questions;
    private TagRepository tags;
    private SiteInfo site;
    private Actor moderator;
    private Actor user;

    @BeforeEach
    void aSiteWithTaggedQuestions() {
        h2 = new H2Services();
        h2.bean(RevisionWriter.class);
        h2.bean(SynonymStamps.class);
        // retagAll's self-calls need the container; the tests run retagBatch themselves.
        h2.provide(jakarta.ejb.SessionContext.class, (jakarta.ejb.SessionContext)
                java.lang.reflect.Proxy.newProxyInstance(
                        getClass().getClassLoader(), new Class<?>[] {jakarta.ejb.SessionContext.class}, (p, m, a) -> {
                            throw new UnsupportedOperationException(m.getName());
                        }));
        synonyms = h2.bean(SynonymService.class);
        questions = h2.bean(QuestionService.class);
        tags = h2.bean(TagRepository.class);
        UserService users = h2.bean(UserService.class);
        site = h2.tx(() -> h2.bean(SiteService.class).ensureSite("syn.localhost", "syn", "Syn", "Synonyms"));
        h2.tx(() -> users.createUser(site.id(), "mod", "Mo Derator", PASSWORD, Role.MODERATOR));
        h2.tx(() -> users.createUser(site.id(), "user", "Ann User", PASSWORD, Role.USER));
        moderator = h2.tx(() -> users.actorFor(site.id(), "mod").orElseThrow());
        user = h2.tx(() -> users.actorFor(site.id(), "user").orElseThrow());
    }

    @AfterEach
    void closeDatabase() {
        h2.close();
    }

    private long ask(String title, List<String> tagNames) {
        return h2.tx(() -> questions.ask(moderator, title, BODY, tagNames)).number();
    }

    private long count(String tag) {
        Tag t = h2.tx(() -> tags.findByNames(site.id(), List.of(tag))).get(tag);
        return t == null ? -1 : t.getQuestionCount();
    }

    @Test
    void aUserNeedsThePrivilegeAndAScoreInTheTarget() {
        long q = ask("Which tyres for gravel roads?", List.of("tyres"));
        NotAllowedException privilege =
                assertThrows(NotAllowedException.class, () -> h2.tx(() -> synonyms.propose(user, "tires", "tyres")));
        assertTrue(privilege.getMessage().contains("Create tag synonyms"), privilege.getMessage());
        h2.run(() -> h2.bean(EntityManager.class)
                .createNativeQuery("update parley_user set reputation = 2500 where site_id = ?1 and username = 'user'")
                .setParameter(1, site.id())
                .executeUpdate());
        NotAllowedException score =
                assertThrows(NotAllowedException.class, () -> h2.tx(() -> synonyms.propose(user, "tires", "tyres")));
        assertEquals(
                "Proposing a synonym of tyres needs an answer score of 5 in that tag; yours is 0.", score.getMessage());
        long answer = h2.tx(() -> questions.answer(user, q, BODY));
        h2.run(() -> h2.bean(EntityManager.class)
                .createNativeQuery("update post set score = 5 where site_id = ?1 and number = ?2")
                .setParameter(1, site.id())
                .setParameter(2, answer)
                .executeUpdate());
        long id = h2.tx(() -> synonyms.propose(user, " Tires ", "tyres"));
        assertTrue(id > 0);
        assertThrows(NotAllowedException.class, () -> h2.run(() -> synonyms.approve(user, id)));
        assertThrows(NotAllowedException.class, () -> h2.tx(() -> synonyms.propose(null, "tires", "tyres")));
    }

    @Test
    void badProposalsAreNamed() {
        ask("Which tyres for gravel roads?", List.of("tyres", "gravel"));
        assertEquals(
                "A tag cannot be a synonym of itself.",
                assertThrows(
                                InvalidInputException.class,
                                () -> h2.tx(() -> synonyms.propose(moderator, "tyres", "tyres")))
                        .getMessage());
        assertEquals(
                "No question is tagged nothing-here: a synonym's target is a tag in use.",
                assertThrows(
                                InvalidInputException.class,
                                () -> h2.tx(() -> synonyms.propose(moderator, "tires", "nothing-here")))
                        .getMessage());
        assertThrows(InvalidInputException.class, () -> h2.tx(() -> synonyms.propose(moderator, "bad tag", "tyres")));
        h2.tx(() -> synonyms.propose(moderator, "tires", "tyres"));
        assertEquals(
                "tires already is proposed as a synonym of tyres.",
                assertThrows(
                                InvalidInputException.class,
                                () -> h2.tx(() -> synonyms.propose(moderator, "tires", "gravel")))
                        .getMessage());
        assertEquals(
                "tyres has synonyms of its own (tires): it cannot become one.",
                assertThrows(
                                InvalidInputException.class,
                                () -> h2.tx(() -> synonyms.propose(moderator, "tyres", "gravel")))
                        .getMessage());
    }

    @Test
    void anApprovedSynonymMapsNewQuestionsAndRetagsTheOldOnesInBatches() {
        int many = SynonymService.BATCH + 7;
        for (int i = 0; i < many; i++) {
            ask(
                    "Question number " + i + " about tyres and tubes",
                    i % 2 == 0 ? List.of("tires") : List.of("tires", "tyres"));
        }
        assertEquals(many, count("tires"));
        assertEquals(many / 2, count("tyres"));
        long id = h2.tx(() -> synonyms.propose(moderator, "tires", "tyres"));
        h2.run(() -> synonyms.approve(moderator, id));
        assertEquals(Map.of("tires", "tyres"), h2.tx(() -> tags.synonyms(site.id())));
        // Mapped at once: a new question given the synonym gets the target.
        long fresh = ask("A new question about tires, asked after the approval", List.of("tires", "gravel"));
        assertEquals(
                List.of("tyres", "gravel"),
                h2.tx(() -> questions.view(site.id(), fresh, null)).tags());

        assertEquals(SynonymService.BATCH, h2.tx(() -> synonyms.retagBatch(site.id(), id)));
        assertEquals(7, h2.tx(() -> synonyms.retagBatch(site.id(), id)));
        assertEquals(0, h2.tx(() -> synonyms.retagBatch(site.id(), id)));
        assertTrue(h2.tx(() -> synonyms.retagDone(site.id(), id)));
        assertEquals(0, count("tires"));
        assertEquals(many + 1, count("tyres"));
        assertEquals(
                0L,
                h2.tx(() -> h2.bean(EntityManager.class)
                        .createQuery("select count(q) from Question q join q.tags t where t.name = 'tires'", Long.class)
                        .getSingleResult()));
        // Each retagged question has a tags revision that names the synonym.
        var history = h2.tx(() -> h2.bean(RevisionService.class).listByPost(site.id(), 1));
        var last = history.get(history.size() - 1);
        assertEquals(HistoryTypes.EDIT_TAGS, last.getHistoryTypeId());
        assertEquals("<tyres>", last.getText());
        assertEquals("Retagged: [tires] is a synonym of [tyres]", last.getComment());
        assertEquals(1, h2.tx(() -> synonyms.list(site.id())).size());
        assertThrows(InvalidInputException.class, () -> h2.run(() -> synonyms.reject(moderator, id)));
    }

    @Test
    void aModeratorMergesTwoTags() {
        ask("Brakes squeal in the rain", List.of("disc-brakes"));
        ask("Which brakes for a tandem?", List.of("brakes"));
        assertThrows(NotAllowedException.class, () -> h2.tx(() -> synonyms.merge(user, "disc-brakes", "brakes")));
        long id = h2.tx(() -> synonyms.merge(moderator, "disc-brakes", "brakes"));
        while (h2.tx(() -> synonyms.retagBatch(site.id(), id)) > 0) {
            // until none is left
        }
        assertEquals(0, count("disc-brakes"));
        assertEquals(2, count("brakes"));
        assertEquals(List.of("disc-brakes"), h2.tx(() -> synonyms.synonymsOf(site.id(), "brakes")));
    }
}
