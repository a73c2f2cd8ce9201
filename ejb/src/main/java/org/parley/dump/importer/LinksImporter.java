package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.parley.dump.DumpRow;

/** PostLinks.xml: linked and duplicate questions; a link from or to a post not in the site is skipped. */
final class LinksImporter extends RowImporter {

    LinksImporter(ImportContext ctx) {
        super(ctx);
    }

    @Override
    void write(Connection c, List<DumpRow> rows, Tally tally) throws SQLException {
        List<Long> ids = new ArrayList<>();
        Set<Long> posts = new HashSet<>();
        for (DumpRow row : rows) {
            try {
                ids.add(id(row));
                posts.add(requiredLong(row, "PostId"));
                posts.add(requiredLong(row, "RelatedPostId"));
            } catch (Skip ignored) {
                // counted below
            }
        }
        Set<Long> present = existingIds(c, "post_link", "dump_id", ctx.siteId(), ids);
        Set<Long> existingPosts = existingPosts(c, posts);
        DumpDatabase.Ids newIds = ctx.db().new Ids(c, "post_link_id_seq");
        try (PreparedStatement st = c.prepareStatement(
                "insert into post_link (id, site_id, dump_id, post_number, related_post_number, link_type_id,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
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
                    long post = requiredLong(row, "PostId");
                    long related = requiredLong(row, "RelatedPostId");
                    if (!existingPosts.contains(post) || !existingPosts.contains(related)) {
                        throw new Skip("link to a post not in the dump");
                    }
                    // PostLinks has no column for extras; a date in an unusual form is exported in the usual one.
                    java.time.Instant created = date(row, "CreationDate", new java.util.HashMap<>());
                    st.setLong(1, newIds.next());
                    st.setLong(2, ctx.siteId());
                    st.setLong(3, id);
                    st.setLong(4, post);
                    st.setLong(5, related);
                    st.setInt(6, (int) requiredLong(row, "LinkTypeId"));
                    setInstant(st, 7, created);
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
