package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.parley.dump.DumpRow;

/** PostLinks.xml: linked and duplicate questions; a link from or to a post not in the site is skipped. */
final class LinksImporter extends RowImporter<Long> {

    LinksImporter(ImportContext ctx) {
        super(ctx, RowImporter::id);
    }

    @Override
    void collect(DumpRow row, References refs) {
        refs.posts.add(requiredLong(row, "PostId"));
        refs.posts.add(requiredLong(row, "RelatedPostId"));
    }

    @Override
    Set<Long> alreadyImported(Connection c, List<Long> ids) throws SQLException {
        return existingIds(c, "post_link", "dump_id", ctx.siteId(), ids);
    }

    @Override
    ChunkWriter<Long> begin(Connection c, References refs, Batches batches) throws SQLException {
        Set<Long> existingPosts = existingPosts(c, refs.posts);
        DumpDatabase.Ids newIds = ctx.db().new Ids(c, "post_link_id_seq");
        Batches.Batch insert = batches.prepare(
                "insert into post_link (id, site_id, dump_id, post_number, related_post_number, link_type_id,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement st = insert.statement();
        return (row, id, tally) -> {
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
            insert.add();
            return true;
        };
    }
}
