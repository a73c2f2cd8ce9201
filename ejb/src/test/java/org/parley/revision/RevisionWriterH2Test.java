package org.parley.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.post.QuestionDetail;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;
import org.parley.user.UserRef;
import org.parley.user.UserService;

/**
 * Revisions of the posts written here, on Hibernate and H2: asking, answering, editing and rolling back write
 * PostHistory rows as the dumps have them (types 1-3, 4-6, 7-9; one GUID per revision; numbered after the site's
 * highest), and the revisions page shows them as numbered revisions with diffs.
 */
class RevisionWriterH2Test {

    private static final String BODY = "Some **markdown** body that is long enough to be a real question.";
    private static final String PASSWORD = "correct-horse-battery";

    private H2Services h2;
    private QuestionService questions;
    private RevisionService revisions;
    private SiteService sites;
    private UserService users;
    private SiteInfo site;
    private UserRef adaRef;
    private Actor ada;
    private Actor bo;

    @BeforeEach
    void aSiteWithTwoUsers() {
        h2 = new H2Services();
        h2.bean(RevisionWriter.class);
        questions = h2.bean(QuestionService.class);
        revisions = h2.bean(RevisionService.class);
        sites = h2.bean(SiteService.class);
        users = h2.bean(UserService.class);
        site = h2.tx(() -> sites.ensureSite("bicycles.localhost", "bicycles", "Bicycles", "Bikes"));
        adaRef = h2.tx(() -> users.createUser(site.id(), "ada", "Ada Asker", PASSWORD, Role.USER));
        h2.tx(() -> users.createUser(site.id(), "bob", "Bo Other", PASSWORD, Role.USER));
        ada = h2.tx(() -> users.actorFor(site.id(), "ada").orElseThrow());
        bo = h2.tx(() -> users.actorFor(site.id(), "bob").orElseThrow());
    }

    @AfterEach
    void closeDatabase() {
        h2.close();
    }

    @Test
    void askingEditingAndRollingBackWriteTheHistoryAsTheDumpsHaveIt() {
        QuestionSummary q = h2.tx(
                () -> questions.ask(ada, "How do I tune a derailleur quickly?", BODY, List.of("gears", "maintenance")));
        List<PostRevision> created = rows(q.number());
        assertEquals(List.of(1, 2, 3), types(created));
        assertEquals(
                List.of(1L, 2L, 3L),
                created.stream().map(PostRevision::getDumpId).toList());
        assertEquals(
                1,
                created.stream().map(PostRevision::getRevisionGuid).distinct().count(),
                "one revision");
        assertEquals("How do I tune a derailleur quickly?", created.get(0).getText());
        assertEquals(BODY, created.get(1).getText());
        assertEquals("<gears><maintenance>", created.get(2).getText());
        assertEquals(adaRef.number(), created.get(0).getUserNumber());
        assertNull(created.get(0).getComment());

        String edited = BODY + " Edited: which cassette?";
        h2.run(() -> questions.edit(
                ada,
                q.number(),
                "How do I tune a derailleur quickly?",
                edited,
                List.of("gears", "maintenance"),
                "  added the cassette  "));
        List<PostRevision> bodyOnly = rows(q.number()).subList(3, 4);
        assertEquals(List.of(5), types(bodyOnly), "only the body changed");
        assertEquals("added the cassette", bodyOnly.get(0).getComment());
        assertEquals(4L, bodyOnly.get(0).getDumpId());

        h2.run(() -> questions.edit(
                ada, q.number(), "How do I tune a rear derailleur quickly?", edited, List.of("gears"), null));
        List<PostRevision> titleAndTags = rows(q.number()).subList(4, 6);
        assertEquals(List.of(4, 6), types(titleAndTags));
        assertEquals("<gears>", titleAndTags.get(1).getText());

        RevisionPage page = h2.tx(() -> revisions.page(site.id(), q.number()));
        assertEquals(3, page.revisionCount());
        assertEquals(3, page.currentRevision());
        assertEquals(adaRef.number(), page.owner().number());
        RevisionEntry third = page.entries().get(0);
        assertEquals(3, third.number());
        assertFalse(third.titleDiff().isEmpty(), "the title's diff");
        assertFalse(third.tagsDiff().isEmpty(), "the tags' diff");
        assertTrue(third.bodyDiff().isEmpty(), "the body did not change");
        RevisionEntry second = page.entries().get(1);
        assertEquals("added the cassette", second.comment());
        assertTrue(
                second.bodyDiff().stream().anyMatch(s -> s.isAdded() && s.text().contains("cassette")));

        // Rolling back to revision 1 puts all three parts back, as one new revision that names it.
        h2.run(() -> revisions.rollBack(ada, q.number(), 1));
        List<PostRevision> rolledBack = rows(q.number()).subList(6, 9);
        assertEquals(List.of(7, 8, 9), types(rolledBack));
        assertEquals(
                "Rollback to [" + created.get(0).getRevisionGuid() + "]",
                rolledBack.get(0).getComment());
        QuestionDetail now = h2.tx(() -> questions.view(site.id(), q.number(), null));
        assertEquals("How do I tune a derailleur quickly?", now.title());
        assertEquals(BODY, now.bodyMarkdown());
        assertEquals(List.of("gears", "maintenance"), now.tags());
        RevisionEntry fourth =
                h2.tx(() -> revisions.page(site.id(), q.number())).entries().get(0);
        assertEquals(4, fourth.number());
        assertEquals("Rolled back to revision 1", fourth.comment());

        assertTrue(assertThrows(InvalidInputException.class, () -> h2.run(() -> revisions.rollBack(ada, q.number(), 4)))
                .getMessage()
                .contains("current"));
        assertThrows(NotFoundException.class, () -> h2.run(() -> revisions.rollBack(ada, q.number(), 9)));
        assertThrows(NotAllowedException.class, () -> h2.run(() -> revisions.rollBack(bo, q.number(), 2)));
        assertProblem(
                "body",
                () -> questions.edit(
                        ada, q.number(), now.title(), BODY, List.of("gears", "maintenance"), "nothing really"));
        assertProblem(
                "summary", () -> questions.edit(ada, q.number(), now.title(), edited, now.tags(), "x".repeat(301)));
        assertEquals(9, rows(q.number()).size(), "refused edits write nothing");
    }

    @Test
    void answersKeepBodyRowsNumberedAfterTheSitesImportedHistory() {
        QuestionSummary q =
                h2.tx(() -> questions.ask(ada, "How do I tune a derailleur quickly?", BODY, List.of("gears")));
        h2.run(() -> h2.bean(EntityManager.class)
                .persist(new PostRevision(
                        site.id(), 500, 9999, 2, "imported", Instant.parse("2015-01-01T00:00:00Z"), 7, null, "x")));
        long a = h2.tx(() -> questions.answer(bo, q.number(), "Turn the barrel adjuster a quarter turn at a time."));
        List<PostRevision> answerRows = rows(a);
        assertEquals(List.of(2), types(answerRows));
        assertEquals(501L, answerRows.get(0).getDumpId(), "after the site's highest history id");

        h2.run(() -> questions.edit(bo, a, null, "Turn the barrel adjuster half a turn at a time, then test.", null));
        assertEquals(List.of(2, 5), types(rows(a)));
        assertEquals(2, h2.tx(() -> revisions.page(site.id(), a)).revisionCount());

        // Another site numbers its own history from 1.
        SiteInfo other = h2.tx(() -> sites.ensureSite("beer.localhost", "beer", "Beer", "Beer"));
        h2.tx(() -> users.createUser(other.id(), "cyd", "Cy", PASSWORD, Role.USER));
        Actor cy = h2.tx(() -> users.actorFor(other.id(), "cyd").orElseThrow());
        QuestionSummary there =
                h2.tx(() -> questions.ask(cy, "Which glass suits a tripel best?", BODY, List.of("glass")));
        assertEquals(
                List.of(1L, 2L, 3L),
                h2.tx(() -> revisions.listByPost(other.id(), there.number())).stream()
                        .map(PostRevision::getDumpId)
                        .toList());
    }

    @Test
    void locksAndUnlocksAreEventsInTheHistory() {
        h2.tx(() -> users.createUser(site.id(), "mod", "The Moderator", PASSWORD, Role.MODERATOR));
        Actor mod = h2.tx(() -> users.actorFor(site.id(), "mod").orElseThrow());
        QuestionSummary q =
                h2.tx(() -> questions.ask(ada, "How do I tune a derailleur quickly?", BODY, List.of("gears")));
        h2.run(() -> questions.lock(mod, q.number(), true));
        h2.run(() -> questions.lock(mod, q.number(), false));
        assertEquals(List.of(1, 2, 3, 14, 15), types(rows(q.number())));
        List<RevisionEntry> entries =
                h2.tx(() -> revisions.page(site.id(), q.number())).entries();
        assertEquals(
                List.of("Unlocked", "Locked", "Revision 1"),
                entries.stream().map(RevisionEntry::heading).toList());
        assertEquals("The Moderator", entries.get(1).by().displayName());
    }

    @Test
    void aPostWithoutRecordedHistoryShowsItsCurrentContentAsOneRevision() {
        QuestionSummary q =
                h2.tx(() -> questions.ask(ada, "How do I tune a derailleur quickly?", BODY, List.of("gears")));
        h2.run(() -> h2.bean(EntityManager.class)
                .createQuery("delete from PostRevision")
                .executeUpdate());
        RevisionPage page = h2.tx(() -> revisions.page(site.id(), q.number()));
        assertEquals(1, page.revisionCount());
        assertEquals(
                "How do I tune a derailleur quickly?", page.entries().get(0).title());
        assertEquals(List.of("gears"), page.entries().get(0).tags());
        assertThrows(NotFoundException.class, () -> h2.tx(() -> revisions.page(site.id(), 424242)));
    }

    private List<PostRevision> rows(long post) {
        return h2.tx(() -> revisions.listByPost(site.id(), post));
    }

    private static List<Integer> types(List<PostRevision> rows) {
        return rows.stream().map(PostRevision::getHistoryTypeId).toList();
    }

    private void assertProblem(String field, Runnable work) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> h2.run(work));
        assertTrue(
                e.problems().stream().anyMatch(p -> field.equals(p.field())) || field.equals(e.field()),
                "a problem with " + field + ": " + e.getMessage());
    }
}
