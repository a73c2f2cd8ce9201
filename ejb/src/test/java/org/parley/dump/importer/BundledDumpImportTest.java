package org.parley.dump.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.parley.dump.DumpFile;
import org.parley.dump.DumpReader;

/** The real bundled dump (bicycles.meta): every row is imported or counted as skipped, and importing twice adds nothing. */
class BundledDumpImportTest {

    static final Path BUNDLED = Path.of(
            System.getProperty("parley.bundled.dump", "../../shared/data/se-dump/bicycles.meta.stackexchange.com"));

    static long rowsIn(DumpFile file) {
        try (DumpReader r = DumpReader.open(BUNDLED, file)) {
            while (r.next() != null) {
                // count
            }
            return r.ordinal();
        }
    }

    @Test
    void importsEveryRowOrCountsWhyNotAndASecondImportAddsNothing() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(BUNDLED), "bundled dump not found at " + BUNDLED.toAbsolutePath());
        try (ImportHarness h = new ImportHarness()) {
            long site = h.site("meta.bicycles.localhost");
            long started = System.nanoTime();
            Map<DumpFile, Tally> t = h.importDir(BUNDLED, site);
            long ms = (System.nanoTime() - started) / 1_000_000;
            long rows = t.values().stream().mapToLong(x -> x.read).sum();
            System.out.printf("bundled dump: %d rows in %d ms (%d rows/s)%n", rows, ms, rows * 1000 / Math.max(1, ms));

            for (DumpFile f : DumpFile.values()) {
                Tally x = t.get(f);
                long skipped =
                        x.skipped.values().stream().mapToLong(Long::longValue).sum();
                assertEquals(rowsIn(f), x.read, f + " rows read");
                assertEquals(x.read, x.imported + skipped, f + ": every row imported or skipped with a reason");
            }
            // Votes and links on posts the dump leaves out are kept for export, and counted.
            assertEquals(Map.of(), t.get(DumpFile.VOTES).skipped);
            assertEquals(163L, t.get(DumpFile.VOTES).notes.get(VotesImporter.POST_NOT_IN_DUMP));
            assertEquals(Map.of(), t.get(DumpFile.POST_LINKS).skipped);
            assertEquals(7L, t.get(DumpFile.POST_LINKS).notes.get(LinksImporter.POST_NOT_IN_DUMP));

            // What the tables hold is what the tallies say.
            assertEquals(
                    t.get(DumpFile.USERS).imported,
                    h.count("select count(*) from parley_user where site_id = ?", site));
            assertEquals(
                    t.get(DumpFile.POSTS).imported,
                    h.count("select count(*) from post where site_id = ?", site)
                            + h.count("select count(*) from dump_post where site_id = ?", site));
            assertEquals(453, h.count("select count(*) from post where site_id = ? and post_type = 'Q'", site));
            assertEquals(
                    22, h.count("select count(*) from dump_post where site_id = ?", site), "tag wikis and excerpts");
            assertEquals(
                    t.get(DumpFile.COMMENTS).imported,
                    h.count("select count(*) from post_comment where site_id = ?", site));
            assertEquals(
                    t.get(DumpFile.VOTES).imported, h.count("select count(*) from dump_vote where site_id = ?", site));
            assertEquals(
                    t.get(DumpFile.BADGES).imported, h.count("select count(*) from badge where site_id = ?", site));
            assertEquals(
                    t.get(DumpFile.POST_HISTORY).imported,
                    h.count("select count(*) from post_revision where site_id = ?", site));
            assertEquals(
                    t.get(DumpFile.POST_LINKS).imported,
                    h.count("select count(*) from post_link where site_id = ?", site));
            assertEquals(94, h.count("select count(*) from dump_tag where site_id = ?", site));

            // Fields: question 1 as the dump has it.
            assertEquals(485, h.count("select view_count from post where site_id = ? and number = 1", site));
            assertEquals(8, h.count("select score from post where site_id = ? and number = 1", site));
            assertEquals(
                    157
                            - h.count(
                                    "select count(*) from post where site_id = ? and dump_accepted_number is not null",
                                    site),
                    h.count("select count(*) from post where site_id = ? and accepted_answer_id is not null", site));
            assertEquals(
                    h.count("select count(*) from post where site_id = ? and dump_accepted_number is not null", site),
                    t.get(DumpFile.POSTS).notes.getOrDefault("accepted answer not in the dump", 0L),
                    "questions left unlinked are the ones counted");
            assertEquals(15, h.count("select count(*) from post where site_id = ? and closed_at is not null", site));
            assertEquals(
                    89,
                    h.count("select count(*) from post where site_id = ? and community_owned_at is not null", site));
            assertEquals(
                    1,
                    h.count("select count(*) from parley_user where site_id = ? and number = -1", site),
                    "Community");
            assertTrue(h.count("select next_post_number from site where id = ?", site)
                    > h.count("select max(number) from post where site_id = ?", site));
            assertTrue(
                    h.count("select count(*) from tag where site_id = ? and question_count > 0", site) > 50,
                    "tags carry their question counts");

            // Idempotent: the same dump again imports nothing and changes no count.
            Map<DumpFile, Tally> again = h.importDir(BUNDLED, site);
            for (DumpFile f : DumpFile.values()) {
                assertEquals(0, again.get(f).imported, f + " imported twice");
            }
            assertEquals(
                    t.get(DumpFile.USERS).imported,
                    h.count("select count(*) from parley_user where site_id = ?", site));
            assertEquals(
                    t.get(DumpFile.VOTES).imported, h.count("select count(*) from dump_vote where site_id = ?", site));
            assertEquals(
                    t.get(DumpFile.COMMENTS).imported,
                    h.count("select count(*) from post_comment where site_id = ?", site));
        }
    }
}
