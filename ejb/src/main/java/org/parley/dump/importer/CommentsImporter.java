package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.dump.DumpRow;
import org.parley.dump.Extras;
import org.parley.post.Comment;

/**
 * Comments.xml: comments on questions and answers, with score, date and author; a comment on a post that is not in
 * the site is skipped, a comment by a user who is gone shows the row's UserDisplayName (or "user&lt;Id&gt;").
 */
final class CommentsImporter extends RowImporter {

    private static final Set<String> MAPPED = Set.of("Id", "PostId", "Score", "Text", "CreationDate", "UserId");

    CommentsImporter(ImportContext ctx) {
        super(ctx);
    }

    @Override
    void write(Connection c, List<DumpRow> rows, Tally tally) throws SQLException {
        List<Long> ids = new ArrayList<>();
        Set<Long> posts = new HashSet<>();
        Set<Long> users = new HashSet<>();
        for (DumpRow row : rows) {
            try {
                ids.add(id(row));
                Long post = optionalLong(row, "PostId");
                if (post != null) {
                    posts.add(post);
                }
                Long user = optionalLong(row, "UserId");
                if (user != null) {
                    users.add(user);
                }
            } catch (Skip ignored) {
                // counted below
            }
        }
        Set<Long> present = existingIds(c, "post_comment", "dump_id", ctx.siteId(), ids);
        Map<Long, Long> postIds = postIds(c, posts);
        Set<Long> otherPosts = postIds.size() < posts.size()
                ? existing(c, "select number from dump_post where site_id = ? and number = ?", ctx.siteId(), posts)
                : Set.of();
        Map<Long, Long> userIds = userIds(c, users);
        DumpDatabase.Ids newIds = ctx.db().new Ids(c, "post_comment_id_seq");
        try (PreparedStatement st = c.prepareStatement(
                "insert into post_comment (id, site_id, post_id, owner_id, comment_text, score, created_at,"
                        + " owner_display_name, dump_id, dump_extra) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batched = 0;
            for (DumpRow row : rows) {
                try {
                    long id = id(row);
                    if (present.contains(id)) {
                        throw new Skip("already imported");
                    }
                    if (!present.add(id)) {
                        throw new Skip("duplicate Id");
                    }
                    long postNumber = requiredLong(row, "PostId");
                    Long postId = postIds.get(postNumber);
                    if (postId == null) {
                        throw new Skip(
                                otherPosts.contains(postNumber)
                                        ? "comment on a tag wiki or other non-Q&A post"
                                        : "post missing");
                    }
                    String text = row.get("Text");
                    if (text == null) {
                        throw new Skip("missing Text");
                    }
                    if (text.length() > Comment.MAX_TEXT) {
                        throw new Skip("Text longer than " + Comment.MAX_TEXT);
                    }
                    Map<String, String> extras = rest(row, MAPPED);
                    Instant created = date(row, "CreationDate", extras);
                    if (created == null) {
                        throw new Skip("missing CreationDate");
                    }
                    Long user = optionalLong(row, "UserId");
                    Long ownerId = user == null ? null : userIds.get(user);
                    String shownName = null;
                    if (ownerId == null) {
                        if (user != null) {
                            extras.put("UserId", row.get("UserId"));
                            tally.note("user not in Users.xml (shown by name)");
                        }
                        String name = row.get("UserDisplayName");
                        shownName = truncate(name != null ? name : user != null ? "user" + user : null, 40);
                    }
                    st.setLong(1, newIds.next());
                    st.setLong(2, ctx.siteId());
                    st.setLong(3, postId);
                    setLong(st, 4, ownerId);
                    st.setString(5, text);
                    st.setInt(6, intOr(row, "Score", 0));
                    setInstant(st, 7, created);
                    st.setString(8, shownName);
                    st.setLong(9, id);
                    st.setString(10, truncate(Extras.encode(extras), 2000));
                    st.addBatch();
                    batched++;
                    tally.imported();
                } catch (Skip skip) {
                    tally.skip(skip.getMessage());
                }
            }
            if (batched > 0) {
                st.executeBatch();
            }
        }
    }
}
