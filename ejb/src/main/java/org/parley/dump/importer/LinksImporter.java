package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.dump.DumpRow;
import org.parley.dump.Extras;

/**
 * PostLinks.xml: linked and duplicate questions, in {@code post_link}. A link from or to a post that is not in the dump
 * (deleted on Stack Exchange) is kept too, and counted as a note, so that an export writes PostLinks.xml back with
 * every row; pages show a link only between questions the site has. Attributes export would not write back the same
 * way (a date in another form, an unknown attribute) are kept as written.
 */
final class LinksImporter extends RowImporter<Long> {

    private static final Set<String> MAPPED = Set.of("Id", "CreationDate", "PostId", "RelatedPostId", "LinkTypeId");

    /** The note of a link kept although a post it names is not in the dump. */
    static final String POST_NOT_IN_DUMP = "post not in the dump (kept for export)";

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
        DumpDatabase.Ids newIds = ctx.db().new Ids(c, "post_link_id_seq", refs.rows);
        Batches.Rows st = batches.prepare(
                "post_link",
                "id",
                "site_id",
                "dump_id",
                "post_number",
                "related_post_number",
                "link_type_id",
                "created_at",
                "dump_extra");
        return (row, id, tally) -> {
            long post = requiredLong(row, "PostId");
            long related = requiredLong(row, "RelatedPostId");
            int type = (int) requiredLong(row, "LinkTypeId");
            Map<String, String> extras = rest(row, MAPPED);
            Instant created = date(row, "CreationDate", extras);
            if (!existingPosts.contains(post) || !existingPosts.contains(related)) {
                tally.note(POST_NOT_IN_DUMP);
            }
            st.setLong(1, newIds.next());
            st.setLong(2, ctx.siteId());
            st.setLong(3, id);
            st.setLong(4, post);
            st.setLong(5, related);
            st.setInt(6, type);
            st.setInstant(7, created);
            st.setString(8, truncate(Extras.encode(extras), 2000));
            st.add();
            return true;
        };
    }
}
