package org.parley.dump.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.dump.DumpFile;
import org.parley.dump.export.DumpExporter;
import org.parley.link.LinkService;
import org.parley.moderation.CloseReason;
import org.parley.moderation.Closure;
import org.parley.moderation.ModerationService;
import org.parley.post.QuestionDetail;
import org.parley.post.QuestionService;
import org.parley.revision.RevisionEntry;
import org.parley.revision.RevisionPage;
import org.parley.revision.RevisionService;
import org.parley.revision.RevisionWriter;
import org.parley.testing.H2Services;
import org.parley.user.UserService;

/**
 * Import, export, import the export into a new site, export again: the two exports are the same bytes. And the first
 * export is the original dump, file for file, except for the rows the import skipped.
 */
class RoundTripTest {

    @TempDir
    Path tmp;

    @Test
    void anExportImportsBackToTheSameFiles() throws Exception {
        Path original = BundledDumpImportTest.BUNDLED;
        Assumptions.assumeTrue(Files.isDirectory(original), "bundled dump not found");
        try (ImportHarness h = new ImportHarness()) {
            long first = h.site("first.localhost");
            Map<DumpFile, Tally> imported = h.importDir(original, first);
            Path export1 = tmp.resolve("export1");
            export(h, first, export1);

            long second = h.site("second.localhost");
            Map<DumpFile, Tally> again = h.importDir(export1, second);
            Path export2 = tmp.resolve("export2");
            export(h, second, export2);

            for (DumpFile f : DumpFile.values()) {
                assertEquals(
                        0, again.get(f).skipped.size(), f + ": an export has nothing to skip " + again.get(f).skipped);
                assertArrayEquals(
                        Files.readAllBytes(export1.resolve(f.fileName())),
                        Files.readAllBytes(export2.resolve(f.fileName())),
                        f + " differs after a round trip");
                assertEquals(imported.get(f).imported, again.get(f).imported, f + " rows");
            }
            // Every file but PostHistory (not in Id order in the public dump) comes back exactly as the public dump
            // wrote it, Votes and PostLinks with their rows on posts the dump leaves out (163 and 7 of them).
            for (DumpFile f : new DumpFile[] {
                DumpFile.USERS,
                DumpFile.TAGS,
                DumpFile.POSTS,
                DumpFile.COMMENTS,
                DumpFile.VOTES,
                DumpFile.BADGES,
                DumpFile.POST_LINKS
            }) {
                assertEquals(
                        Files.readString(original.resolve(f.fileName())),
                        Files.readString(export1.resolve(f.fileName())),
                        f + " exported differently from the original");
            }
        }
    }

    @Test
    void historyComesBackRowForRowInIdOrder() throws Exception {
        // The public PostHistory.xml is not in Id order; an export is. Same rows, same bytes per row.
        Path original = BundledDumpImportTest.BUNDLED;
        Assumptions.assumeTrue(Files.isDirectory(original), "bundled dump not found");
        try (ImportHarness h = new ImportHarness()) {
            long site = h.site("history.localhost");
            h.importDir(original, site);
            Path out = tmp.resolve("history");
            export(h, site, out);
            // A literal tab in an attribute value reads as a space (XML attribute-value normalisation), as in any
            // parser.
            java.util.List<String> want = sortedLines(original.resolve("PostHistory.xml")).stream()
                    .map(l -> l.replace('\t', ' '))
                    .sorted()
                    .toList();
            java.util.List<String> got = sortedLines(out.resolve("PostHistory.xml"));
            for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
                if (!want.get(i).equals(got.get(i))) {
                    org.junit.jupiter.api.Assertions.fail(
                            "line differs:\n" + cut(want.get(i)) + "\n" + cut(got.get(i)));
                }
            }
            assertEquals(want.size(), got.size(), "lines");
        }
    }

    private static String cut(String s) {
        return s.length() > 400 ? s.substring(0, 200) + " ... " + s.substring(s.length() - 200) : s;
    }

    private static java.util.List<String> sortedLines(Path file) throws Exception {
        return Files.readAllLines(file).stream().sorted().toList();
    }

    @Test
    void revisionsWrittenHereExportAndImportWithTheDumpsOwn() throws Exception {
        // Import, edit an imported question with a summary, roll the edit back, export, import the export: the
        // history comes back whole, and exporting it again gives the same bytes.
        Path original = BundledDumpImportTest.BUNDLED;
        Assumptions.assumeTrue(Files.isDirectory(original), "bundled dump not found");
        try (ImportHarness h = new ImportHarness()) {
            H2Services s = h.services;
            s.bean(RevisionWriter.class);
            QuestionService questions = s.bean(QuestionService.class);
            RevisionService revisions = s.bean(RevisionService.class);
            UserService users = s.bean(UserService.class);
            long first = h.site("edited.localhost");
            h.importDir(original, first);
            s.tx(() -> users.createUser(first, "editor1", "Ed Itor", "correct-horse-battery", Role.MODERATOR));
            Actor editor = s.tx(() -> users.actorFor(first, "editor1").orElseThrow());
            long number = s.tx(() -> s.bean(EntityManager.class)
                    .createQuery(
                            "select q.number from Question q where q.site.id = :site and length(q.title) >= 15"
                                    + " and exists (select r.id from PostRevision r where r.siteId = :site"
                                    + " and r.postNumber = q.number and r.historyTypeId = 2)"
                                    + " order by q.number",
                            Long.class)
                    .setParameter("site", first)
                    .setMaxResults(1)
                    .getSingleResult());
            QuestionDetail before = s.tx(() -> questions.view(first, number, null));
            int imported = (int) s.tx(() -> revisions.page(first, number)).revisionCount();
            s.run(() -> questions.edit(
                    editor,
                    number,
                    before.title(),
                    before.bodyMarkdown() + "\n\nEdited here, after the import.",
                    before.tags(),
                    "a note after the import"));
            s.run(() -> revisions.rollBack(editor, number, imported));
            RevisionPage page = s.tx(() -> revisions.page(first, number));
            assertEquals(imported + 2, page.revisionCount());
            assertEquals(
                    "Rolled back to revision " + imported, page.entries().get(0).comment());

            Path export1 = tmp.resolve("edited1");
            export(h, first, export1);
            long second = h.site("edited-again.localhost");
            h.importDir(export1, second);
            Path export2 = tmp.resolve("edited2");
            export(h, second, export2);
            assertArrayEquals(
                    Files.readAllBytes(export1.resolve(DumpFile.POST_HISTORY.fileName())),
                    Files.readAllBytes(export2.resolve(DumpFile.POST_HISTORY.fileName())),
                    "PostHistory.xml differs after a round trip");
            RevisionPage again = s.tx(() -> revisions.page(second, number));
            assertEquals(imported + 2, again.revisionCount());
            assertEquals(
                    page.entries().stream().map(RevisionEntry::comment).toList(),
                    again.entries().stream().map(RevisionEntry::comment).toList());
            assertEquals("a note after the import", again.entries().get(1).comment());
        }
    }

    @Test
    void closedQuestionsExportWithTheirHistoryAndDeletedPostsDoNotExport() throws Exception {
        // Import, close a question as a duplicate of another and delete a third with its answers, export, import the
        // export: the close comes back (banner, link, history), the deleted question and its answers do not.
        Path original = BundledDumpImportTest.BUNDLED;
        Assumptions.assumeTrue(Files.isDirectory(original), "bundled dump not found");
        try (ImportHarness h = new ImportHarness()) {
            H2Services s = h.services;
            s.bean(RevisionWriter.class);
            ModerationService moderation = s.bean(ModerationService.class);
            UserService users = s.bean(UserService.class);
            long first = h.site("moderated.localhost");
            h.importDir(original, first);
            s.tx(() -> users.createUser(first, "keeper1", "Kee Per", "correct-horse-battery", Role.MODERATOR));
            Actor mod = s.tx(() -> users.actorFor(first, "keeper1").orElseThrow());
            List<Long> open = s.tx(() -> s.bean(EntityManager.class)
                    .createQuery(
                            "select q.number from Question q where q.site.id = :site and q.closedAt is null"
                                    + " and q.answerCount > 0 order by q.number",
                            Long.class)
                    .setParameter("site", first)
                    .setMaxResults(3)
                    .getResultList());
            long copy = open.get(0);
            long originalQuestion = open.get(1);
            long deleted = open.get(2);
            List<Long> deletedAnswers = s.tx(() -> s.bean(EntityManager.class)
                    .createQuery(
                            "select a.number from Answer a where a.question.site.id = :site"
                                    + " and a.question.number = :n",
                            Long.class)
                    .setParameter("site", first)
                    .setParameter("n", deleted)
                    .getResultList());
            s.run(() ->
                    moderation.voteToClose(mod, copy, CloseReason.DUPLICATE, Long.toString(originalQuestion), null));
            s.run(() -> moderation.delete(mod, deleted));

            Path export1 = tmp.resolve("moderated1");
            export(h, first, export1);
            String posts = Files.readString(export1.resolve(DumpFile.POSTS.fileName()));
            assertFalse(posts.contains("Id=\"" + deleted + "\""), "the deleted question is not exported");
            for (long a : deletedAnswers) {
                assertFalse(posts.contains("Id=\"" + a + "\""), "nor its answer " + a);
            }
            long second = h.site("moderated-again.localhost");
            h.importDir(export1, second);
            Path export2 = tmp.resolve("moderated2");
            export(h, second, export2);
            for (DumpFile f : DumpFile.values()) {
                assertArrayEquals(
                        Files.readAllBytes(export1.resolve(f.fileName())),
                        Files.readAllBytes(export2.resolve(f.fileName())),
                        f + " differs after a round trip");
            }
            Closure closure = s.tx(() -> moderation.closure(second, copy));
            assertEquals(CloseReason.DUPLICATE, closure.reason());
            assertEquals(
                    List.of(originalQuestion),
                    closure.originals().stream().map(Closure.Original::number).toList());
            assertEquals(
                    List.of("Kee Per"),
                    closure.closers().stream().map(Closure.Closer::displayName).toList());
            assertTrue(s.tx(() -> s.bean(LinkService.class).listForQuestion(second, originalQuestion)).stream()
                    .anyMatch(l -> l.number() == copy && l.duplicate()));
            assertEquals(0L, (long) s.tx(() -> s.bean(EntityManager.class)
                    .createQuery("select count(p) from Post p where p.site.id = :site and p.number = :n", Long.class)
                    .setParameter("site", second)
                    .setParameter("n", deleted)
                    .getSingleResult()));
        }
    }

    @Test
    void badgesAwardedHereExportAfterTheDumpsOwnAndImportAsHeld() throws Exception {
        Path original = BundledDumpImportTest.BUNDLED;
        Assumptions.assumeTrue(Files.isDirectory(original), "bundled dump not found");
        try (ImportHarness h = new ImportHarness()) {
            H2Services s = h.services;
            long first = h.site("awarded.localhost");
            h.importDir(original, first);
            EntityManager em = s.bean(EntityManager.class);
            long user =
                    s.tx(() -> em.createQuery("select min(u.number) from User u where u.site.id = :site", Long.class)
                            .setParameter("site", first)
                            .getSingleResult());
            long maxDumpId =
                    s.tx(() -> em.createQuery("select max(b.dumpId) from Badge b where b.siteId = :site", Long.class)
                            .setParameter("site", first)
                            .getSingleResult());
            s.run(() -> {
                em.persist(new org.parley.badge.Badge(
                        first, user, "Yearling", 2, false, java.time.Instant.parse("2026-12-01T10:00:00Z")));
                em.persist(new org.parley.badge.Badge(
                        first, user, "bicycle-wheels", 1, true, java.time.Instant.parse("2026-12-02T11:30:00Z")));
            });
            Path export1 = tmp.resolve("awarded1");
            export(h, first, export1);
            java.util.List<String> rows = Files.readAllLines(export1.resolve(DumpFile.BADGES.fileName())).stream()
                    .filter(l -> l.contains("<row "))
                    .toList();
            assertEquals(
                    "  <row Id=\"" + (maxDumpId + 1) + "\" UserId=\"" + user
                            + "\" Name=\"Yearling\" Date=\"2026-12-01T10:00:00.000\" Class=\"2\" TagBased=\"False\" />",
                    rows.get(rows.size() - 2));
            assertEquals(
                    "  <row Id=\"" + (maxDumpId + 2) + "\" UserId=\"" + user
                            + "\" Name=\"bicycle-wheels\" Date=\"2026-12-02T11:30:00.000\" Class=\"1\" TagBased=\"True\" />",
                    rows.get(rows.size() - 1));

            long second = h.site("awarded-again.localhost");
            h.importDir(export1, second);
            Path export2 = tmp.resolve("awarded2");
            export(h, second, export2);
            assertArrayEquals(
                    Files.readAllBytes(export1.resolve(DumpFile.BADGES.fileName())),
                    Files.readAllBytes(export2.resolve(DumpFile.BADGES.fileName())),
                    "Badges.xml differs after a round trip");
            java.util.List<org.parley.badge.Badge> held =
                    s.tx(() -> s.bean(org.parley.badge.BadgeService.class).listByUser(second, user));
            assertTrue(held.stream()
                    .anyMatch(b -> b.getName().equals("bicycle-wheels")
                            && b.isImported()
                            && b.isTagBased()
                            && b.getBadgeClass() == 1));
        }
    }

    @Test
    void profilesEditedHereExportTheirLocationAndWebSite() throws Exception {
        // Two imported users with a Location in the dump: one edits theirs and adds a web site, the other empties the
        // location. The export has the edited values, and no Location for the second, instead of the dump's.
        Path original = BundledDumpImportTest.BUNDLED;
        Assumptions.assumeTrue(Files.isDirectory(original), "bundled dump not found");
        try (ImportHarness h = new ImportHarness()) {
            H2Services s = h.services;
            long site = h.site("profiles.localhost");
            h.importDir(original, site);
            List<org.parley.user.User> located = s.tx(() -> s.bean(EntityManager.class)
                    .createQuery(
                            "select u from User u where u.site.id = :site and u.dumpExtra like '%Location%'"
                                    + " order by u.number",
                            org.parley.user.User.class)
                    .setParameter("site", site)
                    .setMaxResults(2)
                    .getResultList());
            assertEquals(2, located.size(), "the bundled dump has users with a location");
            long moved = located.get(0).getNumber();
            long hidden = located.get(1).getNumber();
            assertTrue(located.get(1).getLocation() != null);
            s.run(() -> {
                EntityManager em = s.bean(EntityManager.class);
                for (org.parley.user.User u : em.createQuery(
                                "select u from User u where u.site.id = :site and u.number in :n",
                                org.parley.user.User.class)
                        .setParameter("site", site)
                        .setParameter("n", List.of(moved, hidden))
                        .getResultList()) {
                    if (u.getNumber() == moved) {
                        u.changeProfile(u.getDisplayName(), u.getAboutMe(), "Wellington", "https://example.org/me");
                    } else {
                        u.changeProfile(u.getDisplayName(), u.getAboutMe(), "", "");
                    }
                }
            });
            Path out = tmp.resolve("profiles");
            export(h, site, out);
            List<String> rows = Files.readAllLines(out.resolve(DumpFile.USERS.fileName()));
            String movedRow = rows.stream()
                    .filter(l -> l.contains("<row Id=\"" + moved + "\" "))
                    .findFirst()
                    .orElseThrow();
            String hiddenRow = rows.stream()
                    .filter(l -> l.contains("<row Id=\"" + hidden + "\" "))
                    .findFirst()
                    .orElseThrow();
            assertTrue(movedRow.contains(" Location=\"Wellington\""), movedRow);
            assertTrue(movedRow.contains(" WebsiteUrl=\"https://example.org/me\""), movedRow);
            assertFalse(hiddenRow.contains(" Location="), hiddenRow);
        }
    }

    private static void export(ImportHarness h, long site, Path out) throws Exception {
        try (Connection c = h.db.connection()) {
            new DumpExporter(c, site).export(out);
        }
    }
}
