package org.parley.dump.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.dump.DumpFile;
import org.parley.dump.DumpFormatException;
import org.parley.dump.DumpReader;
import org.parley.post.Question;
import org.parley.rules.InvalidInputException;

/**
 * The quirks of real dumps (no BOM and LF here, absent attributes, |a|b| tags, date-only vote dates, user -1, deleted
 * users, votes and links to missing posts, ProfileImageUrl, no ContentLicense) are imported or skipped with a reason;
 * unreadable files fail naming file and line.
 */
class QuirksImportTest {

    @TempDir
    Path dir;

    static void write(Path dir, String file, String root, String... rows) throws Exception {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<" + root + ">\n");
        for (String r : rows) {
            b.append("  <row ").append(r).append(" />\n");
        }
        b.append("</").append(root).append(">");
        Files.writeString(dir.resolve(file), b.toString(), StandardCharsets.UTF_8);
    }

    static void quirkyDump(Path dir) throws Exception {
        write(
                dir,
                "Users.xml",
                "users",
                "Id=\"-1\" Reputation=\"1\" CreationDate=\"2010-08-25T18:10:17.000\" DisplayName=\"Community\" AccountId=\"-1\"",
                "Id=\"2\" Reputation=\"101\" CreationDate=\"2010-08-25T18:36:14.000\" DisplayName=\"Ann\""
                        + " ProfileImageUrl=\"https://example.org/a.png\" Location=\"Oslo\"");
        write(
                dir,
                "Tags.xml",
                "tags",
                "Id=\"1\" TagName=\"bike-fit\" Count=\"2\"",
                "Id=\"2\" TagName=\"Not A Tag!\" Count=\"1\"");
        write(
                dir,
                "Posts.xml",
                "posts",
                "Id=\"1\" PostTypeId=\"1\" AcceptedAnswerId=\"3\" CreationDate=\"2011-01-01T10:00:00.000\" Score=\"4\""
                        + " ViewCount=\"99\" Body=\"&lt;p&gt;How high should my saddle be?&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;\""
                        + " OwnerUserId=\"2\" LastActivityDate=\"2011-01-02T10:00:00.000\" Title=\"Saddle height for commuting\""
                        + " Tags=\"|bike-fit|commuting|\" AnswerCount=\"2\" CommentCount=\"1\"",
                "Id=\"2\" PostTypeId=\"2\" ParentId=\"1\" CreationDate=\"2011-01-01T11:00:00.000\" Score=\"1\""
                        + " Body=\"&lt;p&gt;Heel on the pedal.&lt;/p&gt;\" OwnerUserId=\"77\" OwnerDisplayName=\"gone rider\""
                        + " LastActivityDate=\"2011-01-01T11:00:00.000\" CommentCount=\"0\" ContentLicense=\"CC BY-SA 2.5\"",
                "Id=\"3\" PostTypeId=\"2\" ParentId=\"1\" CreationDate=\"2011-01-01T12:00:00.000\" Score=\"5\""
                        + " Body=\"&lt;p&gt;Knee slightly bent.&lt;/p&gt;\" OwnerUserId=\"-1\""
                        + " LastActivityDate=\"2011-01-01T12:00:00.000\" CommentCount=\"0\""
                        + " CommunityOwnedDate=\"2011-02-01T12:00:00.000\" ContentLicense=\"CC BY-SA 3.0\"",
                "Id=\"4\" PostTypeId=\"2\" ParentId=\"999\" CreationDate=\"2011-01-01T12:00:00.000\" Score=\"0\""
                        + " Body=\"orphan\" LastActivityDate=\"2011-01-01T12:00:00.000\" CommentCount=\"0\"",
                "Id=\"5\" PostTypeId=\"5\" CreationDate=\"2011-01-01T12:00:00.000\" Score=\"0\" Body=\"&lt;p&gt;wiki&lt;/p&gt;\""
                        + " LastActivityDate=\"2011-01-01T12:00:00.000\" CommentCount=\"0\"");
        write(
                dir,
                "Comments.xml",
                "comments",
                "Id=\"1\" PostId=\"1\" Score=\"0\" Text=\"Which bike is it, a road bike?\" CreationDate=\"2011-01-01T10:30:00.000\""
                        + " UserId=\"55\" UserDisplayName=\"deleted user\"",
                "Id=\"2\" PostId=\"42\" Score=\"0\" Text=\"On a post that is gone\" CreationDate=\"2011-01-01T10:30:00.000\"");
        write(
                dir,
                "Votes.xml",
                "votes",
                "Id=\"1\" PostId=\"1\" VoteTypeId=\"2\" CreationDate=\"2011-01-01\"",
                "Id=\"2\" PostId=\"3\" VoteTypeId=\"1\" CreationDate=\"2011-01-01T00:00:00.000\"",
                "Id=\"3\" PostId=\"404\" VoteTypeId=\"2\" CreationDate=\"2011-01-01T00:00:00.000\"",
                "Id=\"4\" PostId=\"1\" VoteTypeId=\"5\" UserId=\"2\" CreationDate=\"2011-01-01T00:00:00.000\"");
        write(
                dir,
                "Badges.xml",
                "badges",
                "Id=\"1\" UserId=\"2\" Name=\"Autobiographer\" Date=\"2011-01-01T00:00:00.000\" Class=\"3\" TagBased=\"False\"",
                "Id=\"2\" UserId=\"88\" Name=\"Student\" Date=\"2011-01-01T00:00:00.000\" Class=\"3\" TagBased=\"False\"");
        write(
                dir,
                "PostHistory.xml",
                "posthistory",
                "Id=\"1\" PostHistoryTypeId=\"2\" PostId=\"1\" RevisionGUID=\"a\" CreationDate=\"2011-01-01T10:00:00.000\""
                        + " UserId=\"2\" Text=\"How high?\"",
                "Id=\"2\" PostHistoryTypeId=\"2\" PostId=\"500\" RevisionGUID=\"b\" CreationDate=\"2011-01-01T10:00:00.000\"");
        write(
                dir,
                "PostLinks.xml",
                "postlinks",
                "Id=\"1\" CreationDate=\"2011-01-03\" PostId=\"1\" RelatedPostId=\"1\" LinkTypeId=\"1\"",
                "Id=\"2\" CreationDate=\"2011-01-03T00:00:00.000\" PostId=\"1\" RelatedPostId=\"12345\" LinkTypeId=\"3\"");
    }

    @Test
    void quirksAreImportedOrSkippedWithAReason() throws Exception {
        quirkyDump(dir);
        ImportService.checkFolder(dir.toString());
        try (ImportHarness h = new ImportHarness()) {
            long site = h.site("quirks.localhost");
            Map<DumpFile, Tally> t = h.importDir(dir, site);
            assertEquals(2, t.get(DumpFile.USERS).imported, "Community (-1) included");
            assertEquals(Map.of("invalid tag name", 1L), t.get(DumpFile.TAGS).skipped);
            assertEquals(Map.of("answer to a missing question", 1L), t.get(DumpFile.POSTS).skipped);
            assertEquals(Map.of("post missing", 1L), t.get(DumpFile.COMMENTS).skipped);
            assertEquals(Map.of(), t.get(DumpFile.VOTES).skipped);
            assertEquals(1L, t.get(DumpFile.VOTES).notes.get(VotesImporter.POST_NOT_IN_DUMP), "kept for export");
            assertEquals(Map.of("user not in Users.xml", 1L), t.get(DumpFile.BADGES).skipped);
            assertEquals(Map.of("history of a post not in the dump", 1L), t.get(DumpFile.POST_HISTORY).skipped);
            assertEquals(Map.of(), t.get(DumpFile.POST_LINKS).skipped);
            assertEquals(1L, t.get(DumpFile.POST_LINKS).notes.get(LinksImporter.POST_NOT_IN_DUMP), "kept for export");
            assertEquals(4, t.get(DumpFile.VOTES).imported, "date-only dates are fine");

            assertEquals(
                    1,
                    h.count(
                            "select count(*) from post where site_id = ? and number = 1 and tag_names = '|bike-fit|commuting|'",
                            site),
                    "the |a|b| tag format");
            assertEquals(
                    1,
                    h.count(
                            "select count(*) from post where number = 2 and owner_id is null and owner_display_name = 'gone rider'"),
                    "deleted owner shown by name");
            assertEquals(
                    1,
                    h.count(
                            "select count(*) from post_comment where owner_id is null and owner_display_name = 'deleted user'"));
            assertEquals(
                    0,
                    h.count("select count(*) from post where number = 1 and body_html like '%script%'"),
                    "bodies sanitised");
            assertEquals(
                    1,
                    h.count("select count(*) from post where number = 1 and body_markdown like '%script%'"),
                    "original kept");
            assertEquals(
                    1,
                    h.count(
                            "select count(*) from post q join post a on q.accepted_answer_id = a.id where q.site_id = ? and a.number = 3",
                            site));
            assertEquals(1, h.count("select count(*) from post where number = 3 and community_owned_at is not null"));
            assertEquals(
                    1, h.count("select count(*) from post where number = 1 and content_license is null"), "no license");
            assertEquals(
                    1,
                    h.count("select count(*) from dump_vote where dump_extra like '%CreationDate=\"2011-01-01\"%'"),
                    "date-only date kept as written for export");
            assertEquals(
                    1,
                    h.count("select count(*) from post_link where dump_extra = 'CreationDate=\"2011-01-03\"'"),
                    "a link's date-only date too");
            assertEquals(
                    1,
                    h.count(
                            "select count(*) from parley_user where number = 2 and dump_extra like '%ProfileImageUrl%'"));
        }
    }

    @Test
    void theScanFindsTheHighestPostAndUserNumberAnyRowNames() throws Exception {
        quirkyDump(dir);
        DumpScan scan = DumpScan.of(dir);
        assertEquals(12345, scan.maxPostNumber(), "PostLinks.xml's RelatedPostId, above every Posts.xml Id");
        assertEquals(88, scan.maxUserNumber(), "Badges.xml's UserId, above every Users.xml Id");
        assertEquals(java.util.Set.of(), scan.missing());
    }

    @Test
    void aTitleLongerThanParleysIsCutAndKeptWholeForExport() throws Exception {
        quirkyDump(dir);
        String title = "Why does my chain " + "skip ".repeat(40) + "on climbs?"; // 228 characters
        write(
                dir,
                "Posts.xml",
                "posts",
                "Id=\"1\" PostTypeId=\"1\" CreationDate=\"2011-01-01T10:00:00.000\" Score=\"1\" Body=\"&lt;p&gt;It"
                        + " skips.&lt;/p&gt;\" OwnerUserId=\"2\" LastActivityDate=\"2011-01-02T10:00:00.000\" Title=\""
                        + title
                        + "\" Tags=\"|commuting|\" AnswerCount=\"0\" CommentCount=\"0\"");
        try (ImportHarness h = new ImportHarness()) {
            long site = h.site("titles.localhost");
            Map<DumpFile, Tally> t = h.importDir(dir, site);
            assertEquals(1, t.get(DumpFile.POSTS).imported);
            assertEquals(
                    1,
                    h.count(
                            "select count(*) from post where site_id = ? and number = 1 and title = ?",
                            site,
                            title.substring(0, Question.MAX_TITLE)),
                    "cut to the column");
            assertEquals(
                    1,
                    h.count(
                            "select count(*) from post where site_id = ? and number = 1 and dump_extra like ?",
                            site,
                            "%Title=\"" + title + "\"%"),
                    "the whole title kept for export");
        }
    }

    @Test
    void aCutOffFileFailsNamingFileAndLine() throws Exception {
        quirkyDump(dir);
        String posts = Files.readString(dir.resolve("Posts.xml"));
        Files.writeString(dir.resolve("Posts.xml"), posts.substring(0, posts.indexOf("<row Id=\"3\"") + 8));
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> readAll(dir, DumpFile.POSTS));
        assertTrue(e.getMessage().startsWith("Posts.xml line 5"), e.getMessage());
        assertEquals("Posts.xml", e.getFile());
    }

    @Test
    void aFileThatIsNotXmlFails() throws Exception {
        quirkyDump(dir);
        Files.writeString(dir.resolve("Votes.xml"), "Id,PostId,VoteTypeId\n1,1,2\n");
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> readAll(dir, DumpFile.VOTES));
        assertTrue(e.getMessage().startsWith("Votes.xml line 1: not a readable dump file"), e.getMessage());
    }

    @Test
    void aFileInAnotherEncodingFailsNamingTheLine() throws Exception {
        quirkyDump(dir);
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<users>\n  <row Id=\"1\" DisplayName=\"ok\" />\n"
                        + "  <row Id=\"2\" DisplayName=\"Jos\u00e9\" />\n</users>")
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("Users.xml"), latin1);
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> readAll(dir, DumpFile.USERS));
        assertTrue(e.getMessage().startsWith("Users.xml line 4"), e.getMessage());
    }

    @Test
    void aByteThatIsNotUtf8FarIntoAFileIsFoundOnItsLine() throws Exception {
        quirkyDump(dir);
        // Beyond the parser's first blocks and this check's 64 KB buffers: the line is the bad byte's, not the block's.
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<users>\n");
        for (int i = 1; i <= 4000; i++) {
            b.append("  <row Id=\"")
                    .append(i)
                    .append("\" DisplayName=\"user number ")
                    .append(i);
            b.append(i == 3000 ? " Jos\u00e9" : " \u00e9t\u00e9").append("\" />\n");
        }
        b.append("</users>\n");
        // Row 3000's é alone in Latin-1: one byte 0xE9 followed by a quote, not a UTF-8 sequence.
        String text = b.toString();
        int at = text.indexOf("Jos\u00e9") + 3;
        byte[] before = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = text.substring(at + 1).getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[before.length + 1 + after.length];
        System.arraycopy(before, 0, bad, 0, before.length);
        bad[before.length] = (byte) 0xE9;
        System.arraycopy(after, 0, bad, before.length + 1, after.length);
        assertTrue(bad.length > 3 * (1 << 16), "spans several buffers");
        Files.write(dir.resolve("Users.xml"), bad);
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> readAll(dir, DumpFile.USERS));
        assertTrue(e.getMessage().startsWith("Users.xml line 3002: not a readable dump file"), e.getMessage());
    }

    @Test
    void aFileWithAnotherRootElementFails() throws Exception {
        quirkyDump(dir);
        Files.copy(
                dir.resolve("Users.xml"), dir.resolve("Badges.xml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> readAll(dir, DumpFile.BADGES));
        assertTrue(e.getMessage().contains("root element is <users>, expected <badges>"), e.getMessage());
    }

    @Test
    void aMissingPostsFileOrFolderIsBadInputNamingIt() throws Exception {
        quirkyDump(dir);
        Files.delete(dir.resolve("PostLinks.xml"));
        assertEquals(dir, ImportService.checkFolder(dir.toString()), "a dump without PostLinks.xml imports the rest");
        Files.delete(dir.resolve("Posts.xml"));
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> ImportService.checkFolder(dir.toString()));
        assertTrue(e.getMessage().contains("Posts.xml"), e.getMessage());
        e = assertThrows(
                InvalidInputException.class,
                () -> ImportService.checkFolder(dir.resolve("nope").toString()));
        assertTrue(e.getMessage().startsWith("Folder not found"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> ImportService.checkFolder("relative/path"));
    }

    private static void readAll(Path dir, DumpFile file) {
        try (DumpReader r = DumpReader.open(dir, file)) {
            while (r.next() != null) {
                // read to the end
            }
        }
    }
}
