package org.parley.flag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.post.CacheInvalidation;
import org.parley.post.CommentService;
import org.parley.post.CommentView;
import org.parley.post.QuestionPages;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.revision.PostRevision;
import org.parley.revision.RevisionWriter;
import org.parley.rules.ConflictException;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;
import org.parley.user.User;
import org.parley.user.UserService;

/**
 * Flags on Hibernate and H2: who may flag what, six spam or rude flags hiding a post (and costing its author 100),
 * the moderators' list and handling, and each flagger's record.
 */
class FlagServiceH2Test {

    private static final String BODY = "Buy cheap bicycle parts at the best prices, click the link below today.";
    private static final String PASSWORD = "correct-horse-battery";

    private H2Services h2;
    private FlagService flags;
    private QuestionService questions;
    private QuestionPages pages;
    private CommentService comments;
    private UserService users;
    private SiteInfo site;
    private Actor spammer;
    private Actor mod;
    private final List<Actor> flaggers = new ArrayList<>();

    @BeforeEach
    void aSiteWithUsers() {
        h2 = new H2Services();
        h2.bean(RevisionWriter.class);
        h2.bean(CacheInvalidation.class);
        flags = h2.bean(FlagService.class);
        questions = h2.bean(QuestionService.class);
        pages = h2.bean(QuestionPages.class);
        comments = h2.bean(CommentService.class);
        users = h2.bean(UserService.class);
        SiteService sites = h2.bean(SiteService.class);
        site = h2.tx(() -> sites.ensureSite("bicycles.localhost", "bicycles", "Bicycles", "Bikes"));
        spammer = user("spammer", Role.USER, 200);
        mod = user("moderator", Role.MODERATOR, 1);
        for (int i = 1; i <= 7; i++) {
            flaggers.add(user("flagger" + i, Role.USER, 15));
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

    @Test
    void sixSpamFlagsHideThePostAndCostItsAuthor100() {
        QuestionSummary q =
                h2.tx(() -> questions.ask(spammer, "Cheap bicycle parts for sale right here", BODY, List.of("parts")));
        for (int i = 0; i < 5; i++) {
            Actor f = flaggers.get(i);
            FlagKind kind = i % 2 == 0 ? FlagKind.SPAM : FlagKind.RUDE;
            assertFalse(h2.tx(() -> flags.flagPost(f, q.number(), kind, null)), "flag " + (i + 1) + " hides nothing");
        }
        assertFalse(h2.tx(() -> pages.view(site.id(), q.number(), null)).deleted());
        assertEquals(200, reputation(spammer));
        assertTrue(h2.tx(() -> flags.flagPost(flaggers.get(5), q.number(), FlagKind.SPAM, null)), "the sixth hides it");
        assertThrows(NotFoundException.class, () -> h2.run(() -> pages.view(site.id(), q.number(), null)));
        assertEquals(100, reputation(spammer));
        List<PostRevision> deleted = h2.tx(() -> h2.bean(EntityManager.class)
                .createQuery(
                        "select r from PostRevision r where r.siteId = :s and r.postNumber = :n and r.historyTypeId = 12",
                        PostRevision.class)
                .setParameter("s", site.id())
                .setParameter("n", q.number())
                .getResultList());
        assertEquals(1, deleted.size());
        assertEquals(-1L, deleted.get(0).getUserNumber(), "deleted by the community");
        // Those flags were helpful; nothing waits for a moderator; the post takes no more flags.
        assertTrue(h2.tx(() -> flags.pending(mod)).isEmpty());
        assertEquals(
                new FlagService.FlagCounts(1, 0, 0), h2.tx(() -> flags.counts(site.id(), number(flaggers.get(0)))));
        assertThrows(
                NotFoundException.class,
                () -> h2.run(() -> flags.flagPost(flaggers.get(6), q.number(), FlagKind.SPAM, null)));
    }

    @Test
    void flaggingFollowsTheRules() {
        QuestionSummary q =
                h2.tx(() -> questions.ask(spammer, "Cheap bicycle parts for sale right here", BODY, List.of("parts")));
        Actor newcomer = user("newcomer", Role.USER, 1);
        NotAllowedException privilege = assertThrows(
                NotAllowedException.class,
                () -> h2.run(() -> flags.flagPost(newcomer, q.number(), FlagKind.SPAM, null)));
        assertTrue(privilege.getMessage().contains("“Flag posts”"), privilege.getMessage());
        assertThrows(
                NotAllowedException.class,
                () -> h2.run(() -> flags.flagPost(spammer, q.number(), FlagKind.SPAM, null)));
        InvalidInputException notAnAnswer = assertThrows(
                InvalidInputException.class,
                () -> h2.run(() -> flags.flagPost(flaggers.get(0), q.number(), FlagKind.NOT_AN_ANSWER, null)));
        assertEquals("kind", notAnAnswer.field());
        InvalidInputException noText = assertThrows(
                InvalidInputException.class,
                () -> h2.run(() -> flags.flagPost(flaggers.get(0), q.number(), FlagKind.NEEDS_MODERATOR, " ")));
        assertEquals("text", noText.field());
        h2.run(() -> flags.flagPost(flaggers.get(0), q.number(), FlagKind.NEEDS_MODERATOR, "Looks like a link farm."));
        assertThrows(
                ConflictException.class,
                () -> h2.run(() -> flags.flagPost(flaggers.get(0), q.number(), FlagKind.SPAM, null)));
        assertThrows(NotAllowedException.class, () -> h2.run(() -> flags.pending(flaggers.get(1))), "moderators only");

        List<FlagGroup> pending = h2.tx(() -> flags.pending(mod));
        assertEquals(1, pending.size());
        assertEquals("Looks like a link farm.", pending.get(0).raised().get(0).text());
        assertEquals(1L, h2.tx(() -> flags.pendingCount(mod)));
        assertEquals(1, h2.tx(() -> flags.handle(mod, q.number(), null, false, false)));
        assertEquals(
                new FlagService.FlagCounts(0, 1, 0), h2.tx(() -> flags.counts(site.id(), number(flaggers.get(0)))));
        // Declined: the same user may flag it again.
        h2.run(() -> flags.flagPost(flaggers.get(0), q.number(), FlagKind.SPAM, null));
        assertEquals(1, h2.tx(() -> flags.handle(mod, q.number(), null, true, true)));
        assertTrue(h2.tx(() -> pages.view(site.id(), q.number(), mod)).deleted(), "helpful, and deleted");
    }

    @Test
    void aRudeCommentIsFlaggedAndDeletedByAModerator() {
        QuestionSummary q = h2.tx(() -> questions.ask(
                flaggers.get(0),
                "How do I adjust my brake cable tension?",
                "The lever pulls all the way to the bar before the pads bite. What do I turn?",
                List.of("brakes")));
        h2.run(() -> h2.bean(org.parley.site.SiteService.class)
                .changePrivileges(
                        new Actor(0, site.id(), Role.ADMIN),
                        site.id(),
                        java.util.Map.of(org.parley.site.Privilege.COMMENT_EVERYWHERE, 1)));
        CommentView rude = h2.tx(() -> comments.comment(spammer, q.number(), "What a stupid question, nobody cares."));
        assertThrows(
                InvalidInputException.class,
                () -> h2.run(() -> flags.flagComment(flaggers.get(1), rude.id(), FlagKind.LOW_QUALITY, null)));
        h2.run(() -> flags.flagComment(flaggers.get(1), rude.id(), FlagKind.RUDE, null));
        h2.run(() -> flags.flagComment(flaggers.get(2), rude.id(), FlagKind.NO_LONGER_NEEDED, null));
        List<FlagGroup> pending = h2.tx(() -> flags.pending(mod));
        assertEquals(1, pending.size());
        assertEquals(rude.id(), pending.get(0).commentId());
        assertEquals("What a stupid question, nobody cares.", pending.get(0).excerpt());
        assertEquals("User spammer", pending.get(0).author().displayName(), "the comment's author");
        assertEquals(2, h2.tx(() -> flags.handle(mod, q.number(), rude.id(), true, true)));
        assertTrue(
                h2.tx(() -> pages.view(site.id(), q.number(), null)).comments().isEmpty(), "the comment is gone");
        assertEquals(0, (int) h2.tx(() -> h2.bean(EntityManager.class)
                .createQuery(
                        "select q.commentCount from Question q where q.site.id = :s and q.number = :n", Integer.class)
                .setParameter("s", site.id())
                .setParameter("n", q.number())
                .getSingleResult()));
        assertNull(h2.tx(() -> h2.bean(EntityManager.class).find(org.parley.post.Comment.class, rude.id())));
    }

    private long number(Actor actor) {
        return h2.tx(() ->
                h2.bean(EntityManager.class).find(User.class, actor.userId()).getNumber());
    }
}
