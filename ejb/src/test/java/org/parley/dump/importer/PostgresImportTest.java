package org.parley.dump.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.dump.DumpFile;
import org.parley.testing.TestPostgres;

/**
 * The import on a real PostgreSQL (the cluster's database), started here from Debian's package through
 * {@code scripts/lib.sh}: the same dumps imported with COPY into one database and with JDBC batches into another
 * leave the same rows, column for column (ids, row versions, nulls, dates, text with tabs, newlines and backslashes).
 * Without PostgreSQL installed it is skipped, unless {@code -Dparley.test.postgresql=required} (scripts/test.sh),
 * which installs it and fails when it cannot start.
 */
class PostgresImportTest {

    private static final Path LIB =
            Path.of("../scripts/lib.sh").toAbsolutePath().normalize();

    /** The tables the import writes, each with an order that makes its rows comparable. */
    private static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("parley_user", "id"),
            Map.entry("tag", "id"),
            Map.entry("dump_tag", "id"),
            Map.entry("post", "id"),
            Map.entry("question_tag", "question_id, tag_id"),
            Map.entry("dump_post", "id"),
            Map.entry("post_comment", "id"),
            Map.entry("dump_vote", "id"),
            Map.entry("badge", "id"),
            Map.entry("post_revision", "id"),
            Map.entry("post_link", "id"));

    private static TestPostgres pg;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = TestPostgres.start("copied", "batched");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    private static ImportHarness harness(String database, boolean copy) {
        return new ImportHarness(pg.services(database), copy);
    }

    @Test
    void copyWritesTheRowsTheBatchesWrite() throws Exception {
        Path quirks = tmp.resolve("quirks");
        Files.createDirectories(quirks);
        QuirksImportTest.quirkyDump(quirks);
        Path tricky = tmp.resolve("tricky");
        Files.createDirectories(tricky);
        trickyDump(tricky);
        List<Path> dumps = new ArrayList<>(List.of(quirks, tricky));
        if (Files.isDirectory(BundledDumpImportTest.BUNDLED)) {
            dumps.add(BundledDumpImportTest.BUNDLED);
        }
        try (ImportHarness copied = harness("copied", true);
                ImportHarness batched = harness("batched", false)) {
            try (Connection c = copied.db.connection();
                    Batches b = new Batches(c, copied.db)) {
                assertTrue(b.copying(), "COPY on PostgreSQL");
            }
            try (Connection c = batched.db.connection();
                    Batches b = new Batches(c, batched.db)) {
                assertFalse(b.copying(), "batches when told so");
            }
            int n = 0;
            for (Path dump : dumps) {
                String host = "d" + n++ + ".localhost";
                long a = copied.site(host);
                long b = batched.site(host);
                assertEquals(a, b, "the same site ids");
                Map<DumpFile, Tally> ta = copied.importDir(dump, a);
                Map<DumpFile, Tally> tb = batched.importDir(dump, b);
                for (DumpFile f : DumpFile.values()) {
                    assertEquals(tally(tb.get(f)), tally(ta.get(f)), dump.getFileName() + " " + f);
                }
                // A second import finds every row already there, whichever way it was written.
                Map<DumpFile, Tally> again = copied.importDir(dump, a);
                assertEquals(
                        0, again.values().stream().mapToLong(t -> t.imported).sum(), "nothing twice");
            }
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                List<String> rowsA = rows(copied, table.getKey(), table.getValue());
                List<String> rowsB = rows(batched, table.getKey(), table.getValue());
                assertTrue(!rowsB.isEmpty(), table.getKey() + " has rows");
                for (int i = 0; i < Math.min(rowsA.size(), rowsB.size()); i++) {
                    assertEquals(rowsB.get(i), rowsA.get(i), table.getKey() + " row " + i);
                }
                assertEquals(rowsB.size(), rowsA.size(), table.getKey() + " rows");
            }
        }
    }

    /**
     * With the chunk's triggers off (the test server grants {@code session_replication_role}, as {@code
     * scripts/lib.sh} does), {@link Batches} checks the foreign keys itself: a comment naming a post that does not
     * exist fails as the key's trigger would (SQLSTATE 23503) and leaves no row; one naming rows that exist, among
     * them a post copied in the same chunk, is written.
     */
    @Test
    void copiesWithTriggersOffStillRefuseMissingReferences() throws Exception {
        try (ImportHarness h = harness("copied", true)) {
            long site = h.site("fk.localhost");
            long before = h.count("select count(*) from post_comment");
            try (Connection c = h.db.connection()) {
                c.setAutoCommit(false);
                assertTrue(h.db.mayDisableTriggers(c), "the role may set session_replication_role");
                long missing = h.count("select coalesce(max(id), 0) + 1000 from post");
                long commentId = h.count("select coalesce(max(id), 0) + 1000 from post_comment");
                SQLException e = org.junit.jupiter.api.Assertions.assertThrows(
                        SQLException.class, () -> comment(c, h.db, site, commentId, missing, null));
                assertEquals("23503", e.getSQLState(), e.getMessage());
                c.rollback();

                long post = 1 + h.count("select coalesce(max(id), 0) from post");
                comment(c, h.db, site, commentId, post, post);
                c.commit();
            }
            assertEquals(before + 1, h.count("select count(*) from post_comment"), "the good chunk's comment");
            try (Connection c = h.db.connection();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("show session_replication_role")) {
                rs.next();
                assertEquals("origin", rs.getString(1), "triggers on again after the chunk");
            }
        }
    }

    /**
     * A streamed table's rows reach PostgreSQL while the next are still being set ({@link Batches#stream}): another
     * connection sees the COPY under way with rows done before the chunk runs its batches. A chunk that fails while
     * streaming leaves no row and its connection usable.
     */
    @Test
    void streamedRowsReachTheServerBeforeTheChunkRuns() throws Exception {
        try (ImportHarness h = harness("copied", true)) {
            try (Connection c = h.db.connection();
                    Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                st.execute("create table stream_probe (id bigint primary key, note text)");
            }
            try (Connection c = h.db.connection()) {
                c.setAutoCommit(false);
                try (Batches b = new Batches(c, h.db)) {
                    Batches.Rows r = b.prepare("stream_probe", "id", "note");
                    b.stream(r);
                    addRows(r, 10);
                    // fails here: Batches.close cancels the copy
                }
                c.rollback();
                try (Batches b = new Batches(c, h.db)) {
                    Batches.Rows r = b.prepare("stream_probe", "id", "note");
                    b.stream(r);
                    addRows(r, 500); // 500 KB, several pieces
                    long done = 0;
                    for (int i = 0; i < 100 && done == 0; i++) {
                        done = h.count("select coalesce(max(tuples_processed), 0) from pg_stat_progress_copy"
                                + " where relid = 'stream_probe'::regclass");
                        if (done == 0) {
                            Thread.sleep(100);
                        }
                    }
                    assertTrue(done > 0, "rows copied before execute");
                    b.execute();
                }
                c.commit();
            }
            try {
                assertEquals(500, h.count("select count(*) from stream_probe"), "the second chunk's rows only");
            } finally {
                try (Connection c = h.db.connection();
                        Statement st = c.createStatement()) {
                    c.setAutoCommit(true);
                    st.execute("drop table stream_probe");
                }
            }
        }
    }

    private static void addRows(Batches.Rows r, int n) throws SQLException {
        String note = "x".repeat(1000);
        for (int i = 0; i < n; i++) {
            r.setLong(1, i);
            r.setString(2, note);
            r.add();
        }
    }

    /**
     * A row copied in the same chunk as the row naming it is not looked up and locked ({@code for key share}, which
     * writes the row's page and a WAL record): no other transaction can see it, let alone delete it, before the chunk
     * commits. A row of an earlier chunk still is, as the key's trigger would lock it.
     */
    @Test
    void copiesLockOnlyParentsOfEarlierChunks() throws Exception {
        try (ImportHarness h = harness("copied", true)) {
            long site = h.site("lock.localhost");
            long post = 1 + h.count("select coalesce(max(id), 0) from post");
            long commentId = h.count("select coalesce(max(id), 0) + 1000 from post_comment");
            try (Connection c = h.db.connection()) {
                c.setAutoCommit(false);
                comment(c, h.db, site, commentId, post, post);
                c.commit();
            }
            assertEquals(0, h.count("select xmax::text::bigint from post where id = ?", post), "not locked");
            try (Connection c = h.db.connection()) {
                c.setAutoCommit(false);
                comment(c, h.db, site, commentId + 1, post, null);
                c.commit();
            }
            assertTrue(
                    h.count("select xmax::text::bigint from post where id = ?", post) != 0,
                    "locked by the later chunk's check");
        }
    }

    /**
     * Only rows the chunk really copies spare their children the check: a post whose columns were set but which was
     * never added (a row skipped half way) does not, so a comment naming it fails as the key's trigger would.
     */
    @Test
    void aRowSetButNotAddedIsNoParent() throws Exception {
        try (ImportHarness h = harness("copied", true)) {
            long site = h.site("halfset.localhost");
            long missing = h.count("select coalesce(max(id), 0) + 2000 from post");
            long commentId = h.count("select coalesce(max(id), 0) + 2000 from post_comment");
            try (Connection c = h.db.connection()) {
                c.setAutoCommit(false);
                try (Batches b = new Batches(c, h.db)) {
                    Batches.Rows p = b.prepare("post", "post_type", "id", "site_id");
                    p.setString(1, "Q");
                    p.setLong(2, missing);
                    p.setLong(3, site); // never added
                    Batches.Rows r = b.prepare(
                            "post_comment", "id", "site_id", "post_id", "comment_text", "score", "created_at");
                    r.setLong(1, commentId);
                    r.setLong(2, site);
                    r.setLong(3, missing);
                    r.setString(4, "c");
                    r.setInt(5, 0);
                    r.setInstant(6, java.time.Instant.EPOCH);
                    r.add();
                    SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, b::execute);
                    assertEquals("23503", e.getSQLState(), e.getMessage());
                }
                c.rollback();
            }
        }
    }

    /**
     * With COPY a question whose accepted answer comes in its chunk is written pointing at it, in the one COPY of the
     * chunk's posts: no update of {@code post} (which wrote a second version of the question's row in every index of
     * {@code post}). A trigger counts the updates; with it the copies run with triggers on, which a COPY of questions
     * naming answers later in the same COPY passes, since the keys' checks run at the end of the statement.
     */
    @Test
    void copyLinksAcceptedAnswersOfTheChunkWithoutUpdates() throws Exception {
        Path tricky = tmp.resolve("tricky");
        Files.createDirectories(tricky);
        trickyDump(tricky);
        try (ImportHarness h = harness("copied", true)) {
            long site = h.site("linked.localhost");
            try (Connection c = h.db.connection();
                    Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                st.execute("create table post_updates (id bigint)");
                st.execute("create function count_post_update() returns trigger language plpgsql as"
                        + " $$ begin insert into post_updates values (new.id); return new; end $$");
                st.execute("create trigger count_post_update after update on post for each row"
                        + " execute function count_post_update()");
            }
            try {
                h.importDir(tricky, site);
                assertEquals(0, h.count("select count(*) from post_updates"), "updates of post");
                assertEquals(
                        1,
                        h.count(
                                "select count(*) from post q join post a on a.id = q.accepted_answer_id"
                                        + " where q.site_id = ? and q.number = 1 and a.number = 2"
                                        + " and q.dump_accepted_number is null",
                                site),
                        "question 1 points at answer 2");
            } finally {
                try (Connection c = h.db.connection();
                        Statement st = c.createStatement()) {
                    c.setAutoCommit(true);
                    st.execute("drop trigger count_post_update on post");
                    st.execute("drop function count_post_update()");
                    st.execute("drop table post_updates");
                }
            }
        }
    }

    /** One chunk: a question {@code newPost} when not null, then comment {@code commentId} on post {@code postId}. */
    private static void comment(Connection c, DumpDatabase db, long site, long commentId, long postId, Long newPost)
            throws SQLException {
        try (Batches b = new Batches(c, db)) {
            if (newPost != null) {
                Batches.Rows p = b.prepare(
                        "post",
                        "post_type",
                        "id",
                        "site_id",
                        "number",
                        "body_markdown",
                        "body_html",
                        "score",
                        "created_at",
                        "last_activity_at",
                        "comment_count",
                        "title",
                        "answer_count",
                        "view_count",
                        "row_version");
                p.setString(1, "Q");
                p.setLong(2, newPost);
                p.setLong(3, site);
                p.setLong(4, 1_000_000 + newPost);
                p.setString(5, "b");
                p.setString(6, "b");
                p.setInt(7, 0);
                p.setInstant(8, java.time.Instant.EPOCH);
                p.setInstant(9, java.time.Instant.EPOCH);
                p.setInt(10, 1);
                p.setString(11, "t");
                p.setInt(12, 0);
                p.setLong(13, 0);
                p.setLong(14, 1);
                p.add();
            }
            Batches.Rows r =
                    b.prepare("post_comment", "id", "site_id", "post_id", "comment_text", "score", "created_at");
            r.setLong(1, commentId);
            r.setLong(2, site);
            r.setLong(3, postId);
            r.setString(4, "c");
            r.setInt(5, 0);
            r.setInstant(6, java.time.Instant.EPOCH);
            r.add();
            b.execute();
        }
    }

    private static String tally(Tally t) {
        return t.read + " read, " + t.imported + " imported, skipped " + t.skipped + ", notes " + t.notes + ", links "
                + t.pendingLinks;
    }

    /** Every column of every row, as text, in the given order. */
    private static List<String> rows(ImportHarness h, String table, String order) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = h.db.connection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select * from " + table + " order by " + order)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    b.append(md.getColumnName(i))
                            .append('=')
                            .append(rs.getString(i))
                            .append(" | ");
                }
                rows.add(b.toString());
            }
        }
        return rows;
    }

    /**
     * Values COPY's text format must escape or convert: tabs, newlines, carriage returns and backslashes (also
     * {@code \N} and {@code \.} as text), non-ASCII and astral characters, empty strings, nulls, booleans, dates
     * with 7-digit fractions (rounded to the microsecond), date-only dates and a date before year 1.
     */
    static void trickyDump(Path dir) throws IOException {
        String odd = "tab&#9;nl&#10;cr&#13;bs\\ \\N \\. \\\\t &#233;t&#233; &#128512; &amp;&lt;&gt;&quot;";
        write(
                dir,
                "Users.xml",
                "users",
                "Id=\"1\" Reputation=\"5\" CreationDate=\"2012-03-04T05:06:07.1234567\" DisplayName=\"" + odd
                        + "\" AboutMe=\"" + odd + "\" Location=\"" + odd + "\"",
                "Id=\"2\" Reputation=\"1\" CreationDate=\"2012-03-04T05:06:07.9999996\" DisplayName=\"\" AboutMe=\"\"",
                "Id=\"3\" CreationDate=\"2012-03-04\" DisplayName=\"\\N\"");
        write(
                dir,
                "Tags.xml",
                "tags",
                "Id=\"1\" TagName=\"c++\" Count=\"3\" WikiPostId=\"9\" Other=\"" + odd + "\"",
                "Id=\"2\" TagName=\"back\\slash\"");
        write(
                dir,
                "Posts.xml",
                "posts",
                "Id=\"1\" PostTypeId=\"1\" AcceptedAnswerId=\"2\" CreationDate=\"2012-03-04T05:06:07.000\" Score=\"-3\""
                        + " ViewCount=\"7\" Body=\"&lt;pre&gt;" + odd + "&lt;/pre&gt;\" OwnerUserId=\"1\""
                        + " LastEditDate=\"2012-03-05T00:00:00.5\" LastActivityDate=\"2012-03-05\" Title=\"" + odd
                        + "\" Tags=\"&lt;c++&gt;\" AnswerCount=\"1\" CommentCount=\"1\" ClosedDate=\"2013-01-01T00:00:00.000\""
                        + " ContentLicense=\"CC BY-SA 3.0\" FavoriteCount=\"" + odd + "\"",
                "Id=\"2\" PostTypeId=\"2\" ParentId=\"1\" CreationDate=\"2012-03-04T05:06:08.000\" Score=\"0\""
                        + " Body=\"\" OwnerUserId=\"3\" LastActivityDate=\"2012-03-04T05:06:08.000\"",
                "Id=\"3\" PostTypeId=\"1\" CreationDate=\"2012-03-04T05:06:09.000\" Score=\"0\" Body=\"x\""
                        + " OwnerUserId=\"99\" LastActivityDate=\"2012-03-04T05:06:09.000\" Title=\"t\"",
                "Id=\"9\" PostTypeId=\"5\" CreationDate=\"2012-03-04T05:06:09.000\" Body=\"" + odd + "\"");
        write(
                dir,
                "Comments.xml",
                "comments",
                "Id=\"1\" PostId=\"1\" Score=\"2\" Text=\"" + odd + "\" CreationDate=\"2012-03-04T05:06:07.000\""
                        + " UserId=\"1\"",
                "Id=\"2\" PostId=\"2\" Text=\"\\\" CreationDate=\"2012-03-04T05:06:07.000\" UserDisplayName=\"" + odd
                        + "\"");
        write(
                dir,
                "Votes.xml",
                "votes",
                "Id=\"1\" PostId=\"1\" VoteTypeId=\"8\" UserId=\"1\" BountyAmount=\"50\" CreationDate=\"2012-03-04\"",
                "Id=\"2\" PostId=\"2\" VoteTypeId=\"2\" CreationDate=\"0000-06-01T00:00:00.000\"",
                "Id=\"3\" PostId=\"1\" VoteTypeId=\"2\"");
        write(
                dir,
                "Badges.xml",
                "badges",
                "Id=\"1\" UserId=\"1\" Name=\"" + odd
                        + "\" Date=\"2012-03-04T05:06:07.000\" Class=\"1\" TagBased=\"True\"",
                "Id=\"2\" UserId=\"2\" Name=\"Student\" Date=\"2012-03-04T05:06:07.000\" TagBased=\"maybe\"");
        write(
                dir,
                "PostHistory.xml",
                "posthistory",
                "Id=\"1\" PostHistoryTypeId=\"2\" PostId=\"1\" RevisionGUID=\"" + odd + "\""
                        + " CreationDate=\"2012-03-04T05:06:07.000\" UserId=\"1\" UserDisplayName=\"" + odd
                        + "\" Comment=\"" + odd + "\" Text=\"" + odd + "\" ContentLicense=\"" + odd + "\"",
                "Id=\"2\" PostHistoryTypeId=\"10\" PostId=\"2\" CreationDate=\"2012-03-04T05:06:07.000\"");
        write(
                dir,
                "PostLinks.xml",
                "postlinks",
                "Id=\"1\" CreationDate=\"2012-03-04T05:06:07.000\" PostId=\"1\" RelatedPostId=\"3\" LinkTypeId=\"3\""
                        + " Note=\"" + odd + "\"");
    }

    private static void write(Path dir, String file, String root, String... rows) throws IOException {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<" + root + ">\n");
        for (String r : rows) {
            b.append("  <row ").append(r).append(" />\n");
        }
        b.append("</").append(root).append(">");
        Files.writeString(dir.resolve(file), b.toString(), StandardCharsets.UTF_8);
    }
}
