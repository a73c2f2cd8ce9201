package org.parley.dump.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.dump.DumpFile;
import org.parley.dump.DumpReader;
import org.parley.dump.DumpRow;
import org.parley.dump.export.DumpExporter;
import org.parley.dump.generate.DumpGenerator;

/** The generator's dumps: deterministic, shaped as promised, and imported without a single skip. */
class GeneratedDumpImportTest {

    @TempDir
    Path tmp;

    @Test
    void theSameSeedGivesTheSameFilesAndAnotherSeedOthers() throws Exception {
        new DumpGenerator(300, 42).write(tmp.resolve("a"));
        new DumpGenerator(300, 42).write(tmp.resolve("b"));
        new DumpGenerator(300, 43).write(tmp.resolve("c"));
        for (DumpFile f : DumpFile.values()) {
            assertArrayEquals(
                    Files.readAllBytes(tmp.resolve("a").resolve(f.fileName())),
                    Files.readAllBytes(tmp.resolve("b").resolve(f.fileName())),
                    f.fileName());
        }
        assertTrue(!Files.readString(tmp.resolve("a/Posts.xml")).equals(Files.readString(tmp.resolve("c/Posts.xml"))));
    }

    @Test
    void aGeneratedDumpHasTheShapeAndImportsWithoutSkips() throws Exception {
        int questions = 2000;
        Path dir = tmp.resolve("gen");
        DumpGenerator.Stats stats = new DumpGenerator(questions, 7).write(dir);
        assertEquals(questions / 20, stats.rows().get(DumpFile.TAGS));

        int asked = 0;
        long answers = 0;
        Map<String, Integer> tagUse = new HashMap<>();
        try (DumpReader r = DumpReader.open(dir, DumpFile.POSTS)) {
            DumpRow row;
            while ((row = r.next()) != null) {
                if ("1".equals(row.get("PostTypeId"))) {
                    asked++;
                    int n = PostsImporter.parseTags(row.get("Tags")).size();
                    assertTrue(n >= 1 && n <= 5, "1-5 tags: " + row.get("Tags"));
                    PostsImporter.parseTags(row.get("Tags")).forEach(t -> tagUse.merge(t, 1, Integer::sum));
                } else {
                    answers++;
                }
            }
        }
        assertEquals(questions, asked);
        assertTrue(answers > 1.8 * questions && answers < 2.2 * questions, "about 2 answers per question: " + answers);
        int top = tagUse.values().stream().max(Integer::compare).orElse(0);
        assertTrue(top > 10 * tagUse.getOrDefault("steel", 1), "Zipf: the first tag is far more used than the 25th");

        try (ImportHarness h = new ImportHarness()) {
            long site = h.site("generated.localhost");
            long started = System.nanoTime();
            Map<DumpFile, Tally> t = h.importDir(dir, site);
            long rows = t.values().stream().mapToLong(x -> x.read).sum();
            long ms = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            System.out.printf("generated dump: %d rows in %d ms (%d rows/s)%n", rows, ms, rows * 1000 / ms);
            for (DumpFile f : DumpFile.values()) {
                assertEquals(stats.rows().get(f), t.get(f).imported, f + " " + t.get(f).skipped);
            }
        }
    }

    @Test
    void votesAndLinksOnPostsLeftOutOfTheDumpAreKeptAndExportedWithEveryRowInIdOrder() throws Exception {
        Path dir = tmp.resolve("left-out");
        new DumpGenerator(1000, 11).leavingOut(0.1).write(dir);
        Set<Long> posts = new HashSet<>();
        try (DumpReader r = DumpReader.open(dir, DumpFile.POSTS)) {
            DumpRow row;
            while ((row = r.next()) != null) {
                posts.add(row.getLong("Id"));
            }
        }
        long orphanVotes = 0;
        try (DumpReader r = DumpReader.open(dir, DumpFile.VOTES)) {
            DumpRow row;
            while ((row = r.next()) != null) {
                orphanVotes += posts.contains(row.getLong("PostId")) ? 0 : 1;
            }
        }
        long orphanLinks = 0;
        try (DumpReader r = DumpReader.open(dir, DumpFile.POST_LINKS)) {
            DumpRow row;
            while ((row = r.next()) != null) {
                boolean both = posts.contains(row.getLong("PostId")) && posts.contains(row.getLong("RelatedPostId"));
                orphanLinks += both ? 0 : 1;
            }
        }
        assertTrue(orphanVotes > 100, "votes on posts left out: " + orphanVotes);
        assertTrue(orphanLinks > 2, "links from or to posts left out: " + orphanLinks);

        try (ImportHarness h = new ImportHarness()) {
            long site = h.site("left-out.localhost");
            Map<DumpFile, Tally> t = h.importDir(dir, site);
            for (DumpFile f : new DumpFile[] {DumpFile.VOTES, DumpFile.POST_LINKS}) {
                assertEquals(Map.of(), t.get(f).skipped, f + " keeps every row");
                assertEquals(t.get(f).read, t.get(f).imported, f.fileName());
            }
            assertEquals(
                    orphanVotes, t.get(DumpFile.VOTES).notes.get(VotesImporter.POST_NOT_IN_DUMP), "counted as notes");
            assertEquals(orphanLinks, t.get(DumpFile.POST_LINKS).notes.get(LinksImporter.POST_NOT_IN_DUMP));

            Path out = tmp.resolve("left-out-export");
            try (Connection c = h.db.connection()) {
                new DumpExporter(c, site).export(out);
            }
            for (DumpFile f : new DumpFile[] {DumpFile.VOTES, DumpFile.POST_LINKS}) {
                assertEquals(
                        Files.readString(dir.resolve(f.fileName())),
                        Files.readString(out.resolve(f.fileName())),
                        f + ": every row back, in Id order, as written");
            }

            // Exactly once: a second import (or a resumed one) finds every row, those on missing posts too.
            Map<DumpFile, Tally> again = h.importDir(dir, site);
            for (DumpFile f : new DumpFile[] {DumpFile.VOTES, DumpFile.POST_LINKS}) {
                assertEquals(0, again.get(f).imported, f + " imported twice");
                assertEquals(Map.of("already imported", again.get(f).read), again.get(f).skipped, f.fileName());
            }
            assertEquals(
                    t.get(DumpFile.VOTES).imported, h.count("select count(*) from dump_vote where site_id = ?", site));
            assertEquals(
                    t.get(DumpFile.POST_LINKS).imported,
                    h.count("select count(*) from post_link where site_id = ?", site));
        }
    }
}
