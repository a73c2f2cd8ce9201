package org.parley.dump.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.dump.DumpFile;
import org.parley.dump.DumpFormatException;
import org.parley.dump.generate.DumpGenerator;
import org.parley.rules.InvalidInputException;

/**
 * Older dumps and partial mirrors lack files: such a folder imports what it has, and the import's status lists each
 * missing file as a warning. Only a folder without Posts.xml, or with a file that is there but broken, is refused.
 */
class PartialDumpImportTest {

    /** The files a partial dump may lack, in dump order. */
    private static final List<DumpFile> OFTEN_MISSING = List.of(
            DumpFile.TAGS,
            DumpFile.COMMENTS,
            DumpFile.VOTES,
            DumpFile.BADGES,
            DumpFile.POST_HISTORY,
            DumpFile.POST_LINKS);

    @TempDir
    Path tmp;

    @Test
    void aFolderWithoutTheOptionalFilesImportsWhatItHasAndWarnsOfEachMissingOne() throws Exception {
        Path dir = tmp.resolve("partial");
        DumpGenerator.Stats stats = new DumpGenerator(300, 5).write(dir);
        for (DumpFile f : OFTEN_MISSING) {
            Files.delete(dir.resolve(f.fileName()));
        }
        assertEquals(dir, ImportService.checkFolder(dir.toString()), "the folder is accepted");
        DumpScan scan = DumpScan.of(dir);
        assertEquals(Set.copyOf(OFTEN_MISSING), scan.missing());
        assertEquals(stats.rows().get(DumpFile.USERS), scan.rows().get(DumpFile.USERS));
        assertEquals(stats.rows().get(DumpFile.POSTS), scan.rows().get(DumpFile.POSTS));
        assertEquals(stats.rows().get(DumpFile.USERS) + stats.rows().get(DumpFile.POSTS), scan.totalRows());

        try (ImportHarness h = new ImportHarness()) {
            long importId = h.services.tx(() -> h.services
                    .bean(ImportRecords.class)
                    .create(dir.toString(), "partial.localhost", "partial", "Partial", null));
            try (Connection c = h.db.connection()) {
                c.setAutoCommit(false);
                ValidateBatchlet.record(c, h.services.bean(ImportLedger.class), importId, scan);
                c.commit(); // as the validation step's transaction does
            }
            long site = h.site("partial.localhost");
            Map<DumpFile, Tally> t = h.importDir(dir, site);
            assertEquals(stats.rows().get(DumpFile.USERS), t.get(DumpFile.USERS).imported);
            assertEquals(stats.rows().get(DumpFile.POSTS), t.get(DumpFile.POSTS).imported);
            assertEquals(Map.of(), t.get(DumpFile.POSTS).skipped);
            assertEquals(
                    stats.rows().get(DumpFile.POSTS), h.count("select count(*) from post where site_id = ?", site));

            // What GET /api/imports/{id} and /admin/imports show.
            ImportService imports = h.services.bean(ImportService.class);
            ImportStatus status = h.services.tx(() -> imports.status(importId));
            assertEquals(OFTEN_MISSING.stream().map(DumpScan::warning).toList(), status.warnings());
            assertEquals(
                    "PostHistory.xml is missing: posts have no revision history.",
                    status.warnings().get(4));
            for (ImportStatus.FileStatus f : status.files()) {
                boolean missing = OFTEN_MISSING.contains(DumpFile.byFileName(f.file()));
                assertEquals(missing, f.missing(), f.file());
                if (missing) {
                    assertEquals(f.file() + ": missing", f.summary());
                }
            }
            assertEquals(scan.totalRows(), status.rowsTotal(), "the progress bar counts the files that are there");
        }
    }

    @Test
    void aMissingPostsFileOrAFileThatIsThereButBrokenStillFailsTheImport() throws Exception {
        Path dir = tmp.resolve("broken");
        new DumpGenerator(50, 6).write(dir);
        Files.delete(dir.resolve(DumpFile.BADGES.fileName()));
        byte[] votes = Files.readAllBytes(dir.resolve("Votes.xml"));
        Files.write(dir.resolve("Votes.xml"), Arrays.copyOf(votes, votes.length / 2));
        DumpFormatException cut = assertThrows(DumpFormatException.class, () -> DumpScan.of(dir));
        assertTrue(cut.getMessage().startsWith("Votes.xml line "), cut.getMessage());

        Files.delete(dir.resolve(DumpFile.POSTS.fileName()));
        InvalidInputException noPosts = assertThrows(InvalidInputException.class, () -> DumpScan.of(dir));
        assertTrue(noPosts.getMessage().contains("Posts.xml"), noPosts.getMessage());
        assertFalse(noPosts.getMessage().contains("Badges.xml"), noPosts.getMessage());
        assertThrows(InvalidInputException.class, () -> ImportService.checkFolder(dir.toString()));
    }
}
