package org.parley.dump.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The import's one update that gives imported questions their time to first answer (analytics reads it): on the
 * bundled dump, every question with an answer gets its earliest answer's time and the whole seconds to it, as {@code
 * Duration.getSeconds()} counts them for questions answered through the site; unanswered ones stay empty.
 */
class AnalyticsFirstAnswerImportTest {

    @Test
    void everyAnsweredQuestionGetsItsEarliestAnswersTime() throws Exception {
        Assumptions.assumeTrue(
                Files.isDirectory(BundledDumpImportTest.BUNDLED),
                "bundled dump not found at " + BundledDumpImportTest.BUNDLED.toAbsolutePath());
        try (ImportHarness h = new ImportHarness()) {
            long site = h.site("meta.bicycles.localhost");
            h.importDir(BundledDumpImportTest.BUNDLED, site);
            assertEarliestAnswers(h, site);
        }
    }

    /**
     * A generated dump puts each question's answers right after it, so most questions are written with their first
     * answer's time and the link step has little left; a question at the end of a chunk gets its answers in the next.
     */
    @Test
    void aGeneratedDumpsQuestionsGetTheirsAsTheyAreWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path dir = tmp.resolve("gen");
        new org.parley.dump.generate.DumpGenerator(1_500, 11).write(dir);
        try (ImportHarness h = new ImportHarness()) {
            long site = h.site("generated.localhost");
            h.importDir(dir, site);
            assertEarliestAnswers(h, site);
        }
    }

    private static void assertEarliestAnswers(ImportHarness h, long site) throws Exception {
        try (Connection c = h.db.connection()) {
            try (PreparedStatement st = c.prepareStatement(LinkBatchlet.FIRST_ANSWERS)) {
                st.setLong(1, site);
                st.executeUpdate();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            int answered = 0;
            int unanswered = 0;
            try (PreparedStatement st = c.prepareStatement("select q.created_at, q.first_answer_at,"
                    + " q.first_answer_seconds, (select min(a.created_at) from post a where a.question_id = q.id)"
                    + " from post q where q.site_id = ? and q.post_type = 'Q'")) {
                st.setLong(1, site);
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        OffsetDateTime asked = r.getObject(1, OffsetDateTime.class);
                        OffsetDateTime first = r.getObject(4, OffsetDateTime.class);
                        if (first == null) {
                            unanswered++;
                            assertEquals(null, r.getObject(2));
                            assertEquals(null, r.getObject(3));
                            continue;
                        }
                        answered++;
                        assertEquals(
                                first.toInstant(),
                                r.getObject(2, OffsetDateTime.class).toInstant());
                        long expected = Math.max(
                                0,
                                Duration.between(asked.toInstant(), first.toInstant())
                                        .getSeconds());
                        assertEquals(expected, r.getLong(3), "question asked " + asked);
                    }
                }
            }
            assertTrue(answered > 100, "answered: " + answered);
            assertTrue(unanswered > 0, "unanswered: " + unanswered);
        }
    }
}
