package org.parley.dump.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.parley.dump.DumpDates;
import org.parley.dump.DumpFile;
import org.parley.dump.DumpXmlWriter;
import org.parley.dump.Extras;

/**
 * Writes one site as the eight dump files, streaming each table in pages of {@value #PAGE} rows by key so that memory
 * stays flat. Attributes the import kept verbatim (extras) win over the columns they were read into, so odd values
 * (date-only dates, long names) come back as they were. Content written in Parley: posts export their sanitised HTML
 * as Body, comments and votes get Ids after the highest imported one, live votes are anonymous up/down votes.
 */
public final class DumpExporter {

    static final int PAGE = 5000;

    private final Connection c;
    private final long siteId;

    public DumpExporter(Connection c, long siteId) {
        this.c = c;
        this.siteId = siteId;
    }

    /** Writes the eight files into {@code out} (created if missing); returns the rows written per file. */
    public Map<DumpFile, Long> export(Path out) throws SQLException {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + out, e);
        }
        Map<DumpFile, Long> rows = new EnumMap<>(DumpFile.class);
        rows.put(DumpFile.USERS, users(out));
        rows.put(DumpFile.TAGS, tags(out));
        rows.put(DumpFile.POSTS, posts(out));
        rows.put(DumpFile.COMMENTS, comments(out));
        rows.put(DumpFile.VOTES, votes(out));
        rows.put(DumpFile.BADGES, badges(out));
        rows.put(DumpFile.POST_HISTORY, history(out));
        rows.put(DumpFile.POST_LINKS, links(out));
        return rows;
    }

    /** A query page: rows of {@code sql} (site, key after, limit) with the key in column 1. */
    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private long paged(String sql, RowHandler handler) throws SQLException {
        long after = Long.MIN_VALUE;
        long total = 0;
        try (PreparedStatement st = c.prepareStatement(sql + " fetch first " + PAGE + " rows only")) {
            while (true) {
                st.setLong(1, siteId);
                st.setLong(2, after);
                int n = 0;
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        handler.row(rs);
                        n++;
                    }
                }
                total += n;
                if (n < PAGE) {
                    return total;
                }
            }
        }
    }

    private long users(Path out) throws SQLException {
        try (DumpXmlWriter w = new DumpXmlWriter(out, DumpFile.USERS)) {
            return paged(
                    "select number, reputation, created_at, display_name, about_me, dump_extra, location,"
                            + " website_url, profile_edited from parley_user"
                            + " where site_id = ? and number > ? order by number",
                    rs -> {
                        Map<String, String> a = new LinkedHashMap<>();
                        a.put("Id", Long.toString(rs.getLong(1)));
                        a.put("Reputation", Integer.toString(rs.getInt(2)));
                        a.put("CreationDate", date(rs, 3));
                        a.put("DisplayName", rs.getString(4));
                        a.put("AboutMe", rs.getString(5));
                        Map<String, String> row = merge(a, rs.getString(6));
                        // A profile edited here replaces the dump's Location and WebsiteUrl (kept among the extras),
                        // an emptied field included; a user made here has them only as columns.
                        boolean edited = rs.getBoolean(9);
                        editedAttribute(row, "Location", rs.getString(7), edited);
                        editedAttribute(row, "WebsiteUrl", rs.getString(8), edited);
                        w.row(row);
                    });
        }
    }

    private long tags(Path out) throws SQLException {
        long maxId = single("select max(dump_id) from dump_tag where site_id = ?");
        long[] next = {Math.max(0, maxId)};
        try (DumpXmlWriter w = new DumpXmlWriter(out, DumpFile.TAGS)) {
            long n = paged(
                    "select d.dump_id, d.tag_name, d.dump_count,"
                            + " coalesce(d.excerpt_post_number, tw.excerpt_post_number),"
                            + " coalesce(d.wiki_post_number, tw.wiki_post_number), d.dump_extra from dump_tag d"
                            + " left join tag_wiki tw on tw.site_id = d.site_id and tw.tag_name = d.tag_name"
                            + " where d.site_id = ? and d.dump_id > ? order by d.dump_id",
                    rs -> {
                        Map<String, String> a = new LinkedHashMap<>();
                        a.put("Id", Long.toString(rs.getLong(1)));
                        a.put("TagName", rs.getString(2));
                        a.put("Count", string(rs, 3));
                        a.put("ExcerptPostId", string(rs, 4));
                        a.put("WikiPostId", string(rs, 5));
                        w.row(merge(a, rs.getString(6)));
                    });
            // Tags made here or met only in Posts: after the imported ones, by name.
            try (PreparedStatement st = c.prepareStatement(
                    "select t.name, t.question_count, tw.excerpt_post_number, tw.wiki_post_number from tag t"
                            + " left join tag_wiki tw on tw.site_id = t.site_id and tw.tag_name = t.name"
                            + " where t.site_id = ? and not exists"
                            + " (select 1 from dump_tag d where d.site_id = t.site_id and d.tag_name = t.name) order by t.name")) {
                st.setLong(1, siteId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Map<String, String> a = new LinkedHashMap<>();
                        a.put("Id", Long.toString(++next[0]));
                        a.put("TagName", rs.getString(1));
                        a.put("Count", Long.toString(rs.getLong(2)));
                        a.put("ExcerptPostId", string(rs, 3));
                        a.put("WikiPostId", string(rs, 4));
                        w.row(a);
                        n++;
                    }
                }
            }
            return n;
        }
    }

    private long posts(Path out) throws SQLException {
        tagWikiParts();
        try (DumpXmlWriter w = new DumpXmlWriter(out, DumpFile.POSTS);
                PreparedStatement others = c.prepareStatement(
                        "select number, attributes from dump_post where site_id = ? and number > ? and number <= ?"
                                + " order by number")) {
            long[] lastOther = {Long.MIN_VALUE};
            long[] count = {0};
            long n = paged(
                    "select p.number, p.post_type, p.created_at, p.score, p.view_count, p.body_markdown, p.body_html,"
                            + " o.number, p.last_edited_at, p.last_activity_at, p.title, p.tag_names, p.answer_count,"
                            + " p.comment_count, p.closed_at, p.community_owned_at, p.content_license, p.dump_extra,"
                            + " acc.number, p.dump_accepted_number, par.number"
                            + " from post p left join parley_user o on o.id = p.owner_id"
                            + " left join post acc on acc.id = p.accepted_answer_id"
                            + " left join post par on par.id = p.question_id"
                            + " where p.site_id = ? and p.number > ? and " + live("p") + " order by p.number",
                    rs -> {
                        long number = rs.getLong(1);
                        count[0] += writeOthers(w, others, lastOther[0], number - 1);
                        lastOther[0] = number;
                        boolean question = "Q".equals(rs.getString(2));
                        String extra = rs.getString(18);
                        Map<String, String> a = new LinkedHashMap<>();
                        a.put("Id", Long.toString(number));
                        a.put("PostTypeId", question ? "1" : "2");
                        if (question) {
                            Long accepted = longOrNull(rs, 19);
                            a.put("AcceptedAnswerId", accepted != null ? accepted.toString() : string(rs, 20));
                        } else {
                            a.put("ParentId", string(rs, 21));
                        }
                        a.put("CreationDate", date(rs, 3));
                        a.put("Score", Integer.toString(rs.getInt(4)));
                        if (question) {
                            a.put("ViewCount", Long.toString(rs.getLong(5)));
                        }
                        // Written here: the body is Markdown; a dump holds HTML, so export the sanitised rendering.
                        a.put("Body", extra == null ? rs.getString(7) : rs.getString(6));
                        a.put("OwnerUserId", string(rs, 8));
                        a.put("LastEditDate", date(rs, 9));
                        a.put("LastActivityDate", date(rs, 10));
                        if (question) {
                            a.put("Title", rs.getString(11));
                            a.put("Tags", angleTags(rs.getString(12)));
                            a.put("AnswerCount", Integer.toString(rs.getInt(13)));
                        }
                        a.put("CommentCount", Integer.toString(rs.getInt(14)));
                        if (question) {
                            a.put("ClosedDate", date(rs, 15));
                        }
                        a.put("CommunityOwnedDate", date(rs, 16));
                        a.put("ContentLicense", rs.getString(17));
                        w.row(merge(a, extra));
                    });
            count[0] += writeOthers(w, others, lastOther[0], Long.MAX_VALUE);
            return n + count[0];
        }
    }

    /**
     * Writes the non-Q&amp;A posts numbered in (after, upTo]: the dump's as it had them, except the tag wiki parts
     * edited here (their new Body, last editor and dates over the dump's attributes), and the tag wiki posts written
     * here, in number order among them.
     */
    private long writeOthers(DumpXmlWriter w, PreparedStatement others, long after, long upTo) throws SQLException {
        if (upTo <= after) {
            return 0;
        }
        NavigableMap<Long, Map<String, String>> fresh = newWikiPosts.subMap(after, false, upTo, true);
        others.setLong(1, siteId);
        others.setLong(2, after);
        others.setLong(3, upTo);
        long n = 0;
        try (ResultSet rs = others.executeQuery()) {
            while (rs.next()) {
                long number = rs.getLong(1);
                while (!fresh.isEmpty() && fresh.firstKey() < number) {
                    w.row(fresh.pollFirstEntry().getValue());
                    n++;
                }
                Map<String, String> a = Extras.decode(rs.getString(2));
                Map<String, String> edited = editedWikiPosts.get(number);
                if (edited != null) {
                    a = new LinkedHashMap<>(a);
                    a.putAll(edited);
                }
                w.row(a);
                n++;
            }
        }
        while (!fresh.isEmpty()) {
            w.row(fresh.pollFirstEntry().getValue());
            n++;
        }
        return n;
    }

    /** Tag wiki posts written here (no dump row), by number: whole rows. */
    private final NavigableMap<Long, Map<String, String>> newWikiPosts = new TreeMap<>();

    /** Tag wiki posts of the dump edited here, by number: the attributes that replace the dump's. */
    private final Map<Long, Map<String, String>> editedWikiPosts = new HashMap<>();

    /**
     * Reads the tag wiki parts changed here (a site has one or two per tag at most, and only edited ones are read).
     * A part whose post the dump had is written as the dump row with the new Body, LastEditorUserId and dates; a
     * part written here gets a row of its own (PostTypeId 4 for the excerpt, 5 for the wiki).
     */
    private void tagWikiParts() throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "select tw.excerpt_post_number, tw.excerpt, tw.excerpt_edited_at, tw.excerpt_editor_number,"
                        + " (select count(*) from dump_post e where e.site_id = tw.site_id"
                        + " and e.number = tw.excerpt_post_number),"
                        + " tw.wiki_post_number, tw.wiki_html, tw.wiki_edited_at, tw.wiki_editor_number,"
                        + " (select count(*) from dump_post d where d.site_id = tw.site_id"
                        + " and d.number = tw.wiki_post_number)"
                        + " from tag_wiki tw where tw.site_id = ?"
                        + " and (tw.excerpt_edited_at is not null or tw.wiki_edited_at is not null)")) {
            st.setLong(1, siteId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    wikiPart(rs, 1, 4);
                    wikiPart(rs, 6, 5);
                }
            }
        }
    }

    private void wikiPart(ResultSet rs, int column, int postType) throws SQLException {
        Long number = longOrNull(rs, column);
        String at = date(rs, column + 2);
        if (number == null || at == null) {
            return;
        }
        Map<String, String> a = new LinkedHashMap<>();
        boolean inDump = rs.getLong(column + 4) > 0;
        if (!inDump) {
            a.put("Id", Long.toString(number));
            a.put("PostTypeId", Integer.toString(postType));
            a.put("CreationDate", at);
            a.put("Score", "0");
        }
        a.put("Body", rs.getString(column + 1));
        a.put("LastEditorUserId", string(rs, column + 3));
        a.put("LastEditDate", at);
        a.put("LastActivityDate", at);
        if (!inDump) {
            a.put("CommentCount", "0");
            a.put("ContentLicense", "CC BY-SA 4.0");
            newWikiPosts.put(number, a);
        } else {
            editedWikiPosts.put(number, a);
        }
    }

    private long comments(Path out) throws SQLException {
        long maxId = single("select max(dump_id) from post_comment where site_id = ?");
        try (DumpXmlWriter w = new DumpXmlWriter(out, DumpFile.COMMENTS)) {
            String columns =
                    " p.number, c.score, c.comment_text, c.created_at, u.number, c.dump_extra from post_comment c"
                            + " join post p on p.id = c.post_id left join parley_user u on u.id = c.owner_id where c.site_id = ?"
                            + " and " + live("p");
            long n = paged(
                    "select c.dump_id, c.dump_id," + columns + " and c.dump_id > ? order by c.dump_id",
                    rs -> w.row(comment(rs, rs.getLong(2))));
            long[] next = {Math.max(0, maxId)};
            n += paged(
                    "select c.id, c.id," + columns + " and c.dump_id is null and c.id > ? order by c.id",
                    rs -> w.row(comment(rs, ++next[0])));
            return n;
        }
    }

    private static Map<String, String> comment(ResultSet rs, long id) throws SQLException {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("Id", Long.toString(id));
        a.put("PostId", Long.toString(rs.getLong(3)));
        a.put("Score", Integer.toString(rs.getInt(4)));
        a.put("Text", rs.getString(5));
        a.put("CreationDate", date(rs, 6));
        a.put("UserId", string(rs, 7));
        return merge(a, rs.getString(8));
    }

    private long votes(Path out) throws SQLException {
        long maxId = single("select max(dump_id) from dump_vote where site_id = ?");
        try (DumpXmlWriter w = new DumpXmlWriter(out, DumpFile.VOTES)) {
            long n = paged(
                    "select dump_id, post_number, vote_type_id, user_number, created_at, bounty_amount, dump_extra"
                            + " from dump_vote dv where site_id = ? and dump_id > ? and "
                            + notDeleted("dv.site_id", "dv.post_number") + " order by dump_id",
                    rs -> {
                        Map<String, String> a = new LinkedHashMap<>();
                        a.put("Id", Long.toString(rs.getLong(1)));
                        a.put("PostId", Long.toString(rs.getLong(2)));
                        a.put("VoteTypeId", Integer.toString(rs.getInt(3)));
                        a.put("UserId", string(rs, 4));
                        a.put("CreationDate", date(rs, 5));
                        a.put("BountyAmount", string(rs, 6));
                        w.row(merge(a, rs.getString(7)));
                    });
            // Votes cast here: anonymous up (2) and down (3) votes, as the public dumps show them.
            long[] next = {Math.max(0, maxId)};
            n += paged(
                    "select v.id, p.number, v.vote_type, v.created_at from vote v join post p on p.id = v.post_id"
                            + " where p.site_id = ? and v.id > ? and " + live("p") + " order by v.id",
                    rs -> {
                        Map<String, String> a = new LinkedHashMap<>();
                        a.put("Id", Long.toString(++next[0]));
                        a.put("PostId", Long.toString(rs.getLong(2)));
                        a.put("VoteTypeId", "UP".equals(rs.getString(3)) ? "2" : "3");
                        a.put("CreationDate", date(rs, 4));
                        w.row(a);
                    });
            return n;
        }
    }

    private long badges(Path out) throws SQLException {
        try (DumpXmlWriter w = new DumpXmlWriter(out, DumpFile.BADGES)) {
            long n = paged(
                    "select dump_id, user_number, name, awarded_at, badge_class, tag_based, dump_extra from badge"
                            + " where site_id = ? and dump_id > ? order by dump_id",
                    rs -> {
                        Map<String, String> a = new LinkedHashMap<>();
                        a.put("Id", Long.toString(rs.getLong(1)));
                        a.put("UserId", Long.toString(rs.getLong(2)));
                        a.put("Name", rs.getString(3));
                        a.put("Date", date(rs, 4));
                        a.put("Class", Integer.toString(rs.getInt(5)));
                        a.put("TagBased", rs.getBoolean(6) ? "True" : "False");
                        w.row(merge(a, rs.getString(7)));
                    });
            // Badges awarded here have no dump id: they follow the dump's own, numbered after its highest id in the
            // order they were awarded (so an import of this export holds them as imported and awards none again).
            long[] next = {maxBadgeDumpId()};
            return n
                    + paged(
                            "select id, user_number, name, awarded_at, badge_class, tag_based from badge"
                                    + " where site_id = ? and dump_id is null and id > ? order by id",
                            rs -> {
                                Map<String, String> a = new LinkedHashMap<>();
                                a.put("Id", Long.toString(++next[0]));
                                a.put("UserId", Long.toString(rs.getLong(2)));
                                a.put("Name", rs.getString(3));
                                a.put("Date", date(rs, 4));
                                a.put("Class", Integer.toString(rs.getInt(5)));
                                a.put("TagBased", rs.getBoolean(6) ? "True" : "False");
                                w.row(a);
                            });
        }
    }

    private long maxBadgeDumpId() throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement("select coalesce(max(dump_id), 0) from badge where site_id = ?")) {
            st.setLong(1, siteId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * SQL that holds for a live post (alias {@code p}): not deleted, and not an answer of a deleted question. Deleted
     * posts are not exported, as the public dumps leave them out, with their comments, votes, history and links.
     */
    private static String live(String p) {
        return "(" + p + ".deleted_at is null and not exists (select 1 from post dq where dq.id = " + p
                + ".question_id and dq.deleted_at is not null))";
    }

    /** SQL that holds unless the post with this site and number is deleted (or its question is). */
    private static String notDeleted(String site, String number) {
        return "not exists (select 1 from post d where d.site_id = " + site + " and d.number = " + number + " and not "
                + live("d") + ")";
    }

    private long history(Path out) throws SQLException {
        try (DumpXmlWriter w = new DumpXmlWriter(out, DumpFile.POST_HISTORY)) {
            return paged(
                    "select dump_id, history_type_id, post_number, revision_guid, created_at, user_number,"
                            + " user_display_name, edit_comment, revision_text, content_license, dump_extra from post_revision r"
                            + " where site_id = ? and dump_id > ? and " + notDeleted("r.site_id", "r.post_number")
                            + " order by dump_id",
                    rs -> {
                        Map<String, String> a = new LinkedHashMap<>();
                        a.put("Id", Long.toString(rs.getLong(1)));
                        a.put("PostHistoryTypeId", Integer.toString(rs.getInt(2)));
                        a.put("PostId", Long.toString(rs.getLong(3)));
                        a.put("RevisionGUID", rs.getString(4));
                        a.put("CreationDate", date(rs, 5));
                        a.put("UserId", string(rs, 6));
                        a.put("UserDisplayName", rs.getString(7));
                        a.put("Comment", rs.getString(8));
                        a.put("Text", rs.getString(9));
                        a.put("ContentLicense", rs.getString(10));
                        w.row(merge(a, rs.getString(11)));
                    });
        }
    }

    private long links(Path out) throws SQLException {
        try (DumpXmlWriter w = new DumpXmlWriter(out, DumpFile.POST_LINKS)) {
            return paged(
                    "select dump_id, created_at, post_number, related_post_number, link_type_id, dump_extra"
                            + " from post_link l"
                            + " where site_id = ? and dump_id > ? and " + notDeleted("l.site_id", "l.post_number")
                            + " and " + notDeleted("l.site_id", "l.related_post_number") + " order by dump_id",
                    rs -> {
                        Map<String, String> a = new LinkedHashMap<>();
                        a.put("Id", Long.toString(rs.getLong(1)));
                        a.put("CreationDate", date(rs, 2));
                        a.put("PostId", Long.toString(rs.getLong(3)));
                        a.put("RelatedPostId", Long.toString(rs.getLong(4)));
                        a.put("LinkTypeId", Integer.toString(rs.getInt(5)));
                        w.row(merge(a, rs.getString(6)));
                    });
        }
    }

    /** The attributes with the kept ones laid over them: a kept value is how the dump wrote it. */
    /** Puts {@code value} as attribute {@code name} when set, and removes the dump's one when the profile was edited. */
    private static void editedAttribute(Map<String, String> row, String name, String value, boolean edited) {
        if (value != null) {
            row.put(name, value);
        } else if (edited) {
            row.remove(name);
        }
    }

    private static Map<String, String> merge(Map<String, String> mapped, String extras) {
        if (extras != null && !extras.isEmpty()) {
            mapped.putAll(Extras.decode(extras));
        }
        return mapped;
    }

    /** {@code |a|b|} as the dumps' {@code <a><b>}; null for no tags. */
    static String angleTags(String pipes) {
        if (pipes == null || pipes.length() < 2) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (String t : pipes.split("\\|")) {
            if (!t.isEmpty()) {
                b.append('<').append(t).append('>');
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    private long single(String sql) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, siteId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? 0 : v;
            }
        }
    }

    private static String date(ResultSet rs, int i) throws SQLException {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : DumpDates.format(t.toInstant());
    }

    private static String string(ResultSet rs, int i) throws SQLException {
        String s = rs.getString(i);
        return rs.wasNull() ? null : s;
    }

    private static Long longOrNull(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }
}
