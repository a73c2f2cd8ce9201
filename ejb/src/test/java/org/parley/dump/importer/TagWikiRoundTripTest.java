package org.parley.dump.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.dump.DumpFile;
import org.parley.dump.DumpReader;
import org.parley.dump.DumpRow;
import org.parley.dump.export.DumpExporter;
import org.parley.revision.RevisionWriter;
import org.parley.tagwiki.TagInfo;
import org.parley.tagwiki.TagWikiService;
import org.parley.user.UserService;

/**
 * Imported tag wikis (Tags.xml's ExcerptPostId and WikiPostId, posts of types 4 and 5) are shown on their tags; an
 * export writes the unedited ones back byte for byte (RoundTripTest compares the whole files) and the edited ones with
 * their new text, a wiki written here as posts of its own; importing that export shows the same wikis and exports the
 * same bytes again.
 */
class TagWikiRoundTripTest {

    /** A tag of the bundled dump with both parts (Tags.xml Id 7: excerpt 1471, wiki 1470). */
    private static final String BYDESIGN = "status-bydesign";

    @TempDir
    Path tmp;

    @Test
    void importedWikisShowEditedOnesExportAndComeBack() throws Exception {
        Path original = BundledDumpImportTest.BUNDLED;
        Assumptions.assumeTrue(Files.isDirectory(original), "bundled dump not found");
        try (ImportHarness h = new ImportHarness()) {
            h.services.bean(RevisionWriter.class);
            TagWikiService wikis = h.services.bean(TagWikiService.class);
            UserService users = h.services.bean(UserService.class);
            long first = h.site("wikis.localhost");
            h.importDir(original, first);

            TagInfo imported = h.services.tx(() -> wikis.info(first, BYDESIGN));
            assertEquals(
                    "Indicates that the reported behavior is intentional and not subject to change",
                    imported.excerpt());
            assertTrue(imported.wikiHtml().contains("considered bydesign"), imported.wikiHtml());
            assertEquals(1471L, imported.excerptNumber());
            assertEquals(1470L, imported.wikiNumber());

            h.services.tx(
                    () -> users.createUser(first, "wikimod", "Wiki Mod", "correct-horse-battery", Role.MODERATOR));
            Actor mod = h.services.tx(() -> users.actorFor(first, "wikimod").orElseThrow());
            h.services.run(() -> wikis.edit(
                    mod,
                    BYDESIGN,
                    "Works as intended; will not change.",
                    wikis.forEdit(mod, BYDESIGN).wikiMarkdown(),
                    "shorter excerpt"));
            h.services.run(() -> wikis.edit(
                    mod,
                    "bug",
                    "Something does not work as it should.",
                    "Report **one** bug per question.",
                    "first wiki"));
            TagInfo bug = h.services.tx(() -> wikis.info(first, "bug"));

            Path export1 = tmp.resolve("export1");
            export(h, first, export1);
            Map<String, Map<String, String>> posts = rows(export1, DumpFile.POSTS, "Id");
            Map<String, Map<String, String>> originalPosts = rows(original, DumpFile.POSTS, "Id");
            // The edited excerpt: the dump's row with the new Body, editor and dates; the unedited wiki as it was.
            Map<String, String> excerpt = posts.get("1471");
            assertEquals("Works as intended; will not change.", excerpt.get("Body"));
            assertEquals(originalPosts.get("1471").get("CreationDate"), excerpt.get("CreationDate"));
            assertEquals("4", excerpt.get("PostTypeId"));
            assertEquals(originalPosts.get("1470"), posts.get("1470"));
            // The wiki written here: two posts of their own, named by the tag's row.
            Map<String, String> bugWiki = posts.get(Long.toString(bug.wikiNumber()));
            assertNotNull(bugWiki, "the new wiki post is exported");
            assertEquals("5", bugWiki.get("PostTypeId"));
            assertTrue(bugWiki.get("Body").contains("<strong>one</strong>"), bugWiki.get("Body"));
            assertEquals("4", posts.get(Long.toString(bug.excerptNumber())).get("PostTypeId"));
            Map<String, String> bugTag = rows(export1, DumpFile.TAGS, "TagName").get("bug");
            assertEquals(Long.toString(bug.excerptNumber()), bugTag.get("ExcerptPostId"));
            assertEquals(Long.toString(bug.wikiNumber()), bugTag.get("WikiPostId"));

            long second = h.site("wikis-again.localhost");
            Map<DumpFile, Tally> again = h.importDir(export1, second);
            for (DumpFile f : DumpFile.values()) {
                assertEquals(0, again.get(f).skipped.size(), f + ": nothing skipped " + again.get(f).skipped);
            }
            TagInfo bugAgain = h.services.tx(() -> wikis.info(second, "bug"));
            assertEquals(bug.excerpt(), bugAgain.excerpt());
            assertEquals(bug.wikiHtml(), bugAgain.wikiHtml());
            h.services.tx(
                    () -> users.createUser(second, "wikimod2", "Wiki Mod", "correct-horse-battery", Role.MODERATOR));
            Actor mod2 = h.services.tx(() -> users.actorFor(second, "wikimod2").orElseThrow());
            assertEquals(
                    "Report **one** bug per question.",
                    h.services.tx(() -> wikis.forEdit(mod2, "bug")).wikiMarkdown());
            assertEquals(
                    "Works as intended; will not change.",
                    h.services.tx(() -> wikis.info(second, BYDESIGN)).excerpt());
            Path export2 = tmp.resolve("export2");
            export(h, second, export2);
            for (DumpFile f : List.of(DumpFile.POSTS, DumpFile.TAGS, DumpFile.POST_HISTORY)) {
                assertArrayEquals(
                        Files.readAllBytes(export1.resolve(f.fileName())),
                        Files.readAllBytes(export2.resolve(f.fileName())),
                        f + " differs after a round trip");
            }
            assertFalse(bug.empty());
        }
    }

    private static Map<String, Map<String, String>> rows(Path dir, DumpFile file, String key) throws Exception {
        Map<String, Map<String, String>> out = new java.util.HashMap<>();
        try (DumpReader r = DumpReader.open(dir, file)) {
            DumpRow row;
            while ((row = r.next()) != null) {
                Map<String, String> a = row.attributes().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                out.put(a.get(key), a);
            }
        }
        return out;
    }

    private static void export(ImportHarness h, long site, Path out) throws Exception {
        try (Connection c = h.db.connection()) {
            new DumpExporter(c, site).export(out);
        }
    }
}
