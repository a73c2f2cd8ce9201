package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
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
final class CommentsImporter extends RowImporter<Long> {

    private static final Set<String> MAPPED = Set.of("Id", "PostId", "Score", "Text", "CreationDate", "UserId");

    CommentsImporter(ImportContext ctx) {
        super(ctx, RowImporter::id);
    }

    @Override
    void collect(DumpRow row, References refs) {
        Long post = optionalLong(row, "PostId");
        if (post != null) {
            refs.posts.add(post);
        }
        Long user = optionalLong(row, "UserId");
        if (user != null) {
            refs.users.add(user);
        }
    }

    @Override
    Set<Long> alreadyImported(Connection c, List<Long> ids) throws SQLException {
        return existingIds(c, "post_comment", "dump_id", ctx.siteId(), ids);
    }

    @Override
    ChunkWriter<Long> begin(Connection c, References refs, Batches batches) throws SQLException {
        Map<Long, Long> postIds = postIds(c, refs.posts);
        Set<Long> otherPosts = postIds.size() < refs.posts.size()
                ? existing(c, "select number from dump_post where site_id = ? and number = ?", ctx.siteId(), refs.posts)
                : Set.of();
        Map<Long, Long> userIds = userIds(c, refs.users);
        DumpDatabase.Ids newIds = ctx.db().new Ids(c, "post_comment_id_seq", refs.rows);
        Batches.Rows st = batches.prepare(
                "post_comment",
                "id",
                "site_id",
                "post_id",
                "owner_id",
                "comment_text",
                "score",
                "created_at",
                "owner_display_name",
                "dump_id",
                "dump_extra");
        return (row, id, tally) -> {
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
            st.setLong(4, ownerId);
            st.setString(5, text);
            st.setInt(6, intOr(row, "Score", 0));
            st.setInstant(7, created);
            st.setString(8, shownName);
            st.setLong(9, id);
            st.setString(10, truncate(Extras.encode(extras), 2000));
            st.add();
            return true;
        };
    }
}
