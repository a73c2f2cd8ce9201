package org.parley.dump.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.common.Actor;
import org.parley.dump.DumpFile;
import org.parley.dump.generate.DumpGenerator;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.site.SiteService;
import org.parley.user.UserRef;
import org.parley.user.UserService;

/**
 * An import into a site that takes writes while it runs: the validation step moves the site's counters past every
 * number the dump names before the first row is written, so users who sign up and questions asked between the
 * import's chunks get numbers after the dump's, and every dump row keeps its own.
 */
class LiveSiteImportTest {

    private static final String PASSWORD = "correct-horse-battery";

    @TempDir
    Path tmp;

    @Test
    void aSignUpAndAQuestionWhileTheImportRunsTakeNumbersAfterTheDumps() throws Exception {
        Path dir = tmp.resolve("dump");
        // Some questions left out, so that votes and links name post numbers Posts.xml does not have.
        DumpGenerator.Stats stats = new DumpGenerator(200, 3).leavingOut(0.1).write(dir);
        DumpScan scan = DumpScan.of(dir);
        try (ImportHarness h = new ImportHarness()) {
            SiteService sites = h.services.bean(SiteService.class);
            UserService users = h.services.bean(UserService.class);
            QuestionService questions = h.services.bean(QuestionService.class);
            // What ValidateBatchlet does before the first chunk.
            long site = h.services
                    .tx(() -> sites.ensureSiteReserving(
                            "live.localhost", "live", "Live", null, scan.maxPostNumber(), scan.maxUserNumber()))
                    .id();
            List<UserRef> signedUp = new ArrayList<>();
            List<QuestionSummary> asked = new ArrayList<>();
            Map<DumpFile, Tally> t = h.importDir(dir, site, file -> {
                // Between the files' steps the site is open: someone signs up before each, and asks a question.
                String name = "newcomer" + file.ordinal();
                signedUp.add(h.services.tx(() -> users.register(site, name, "Newcomer " + file.ordinal(), PASSWORD)));
                Actor actor = h.services.tx(() -> users.actorFor(site, name).orElseThrow());
                asked.add(h.services.tx(() -> questions.ask(
                        actor,
                        "Asked while the import of " + file.fileName() + " runs?",
                        "A body long enough to be a question body, written during an import.",
                        List.of("x"))));
            });

            for (DumpFile f : new DumpFile[] {DumpFile.USERS, DumpFile.POSTS}) {
                assertEquals(stats.rows().get(f), t.get(f).imported, f + " " + t.get(f).skipped);
                assertEquals(Map.of(), t.get(f).skipped, f + ": no dump row found its number taken");
            }
            for (UserRef u : signedUp) {
                assertTrue(u.number() > scan.maxUserNumber(), u + " after the dump's users " + scan.maxUserNumber());
            }
            for (QuestionSummary q : asked) {
                assertTrue(q.number() > scan.maxPostNumber(), q.number() + " after " + scan.maxPostNumber());
            }
            // The dump's user 1 and post 1 kept their numbers; no newcomer holds one of the dump's.
            assertEquals(
                    1,
                    h.count(
                            "select count(*) from parley_user where site_id = ? and number = 1 and username = 'se1'",
                            site));
            assertEquals(
                    stats.rows().get(DumpFile.POSTS) + asked.size(),
                    h.count("select count(*) from post where site_id = ?", site));
            assertEquals(
                    stats.rows().get(DumpFile.USERS) + signedUp.size(),
                    h.count("select count(*) from parley_user where site_id = ?", site));
        }
    }
}
