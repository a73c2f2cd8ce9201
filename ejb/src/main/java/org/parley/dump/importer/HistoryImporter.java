package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.dump.DumpRow;
import org.parley.dump.Extras;

/** PostHistory.xml: the revisions of posts in the site (history of posts not in the dump is skipped). */
final class HistoryImporter extends RowImporter<Long> {

    private static final Set<String> MAPPED = Set.of(
            "Id",
            "PostHistoryTypeId",
            "PostId",
            "RevisionGUID",
            "CreationDate",
            "UserId",
            "UserDisplayName",
            "Comment",
            "Text",
            "ContentLicense");

    HistoryImporter(ImportContext ctx) {
        super(ctx, RowImporter::id);
    }

    @Override
    void collect(DumpRow row, References refs) {
        refs.posts.add(requiredLong(row, "PostId"));
    }

    @Override
    Set<Long> alreadyImported(Connection c, List<Long> ids) throws SQLException {
        return existingIds(c, "post_revision", "dump_id", ctx.siteId(), ids);
    }

    @Override
    ChunkWriter<Long> begin(Connection c, References refs, Batches batches) throws SQLException {
        Set<Long> existingPosts = existingPosts(c, refs.posts);
        DumpDatabase.Ids newIds = ctx.db().new Ids(c, "post_revision_id_seq", refs.rows);
        Batches.Rows st = batches.prepare(
                "post_revision",
                "id",
                "site_id",
                "dump_id",
                "post_number",
                "history_type_id",
                "revision_guid",
                "created_at",
                "user_number",
                "user_display_name",
                "edit_comment",
                "revision_text",
                "content_license",
                "dump_extra");
        return (row, id, tally) -> {
            long post = requiredLong(row, "PostId");
            if (!existingPosts.contains(post)) {
                throw new Skip("history of a post not in the dump");
            }
            Map<String, String> extras = rest(row, MAPPED);
            Instant created = date(row, "CreationDate", extras);
            if (created == null) {
                throw new Skip("missing CreationDate");
            }
            String guid = row.get("RevisionGUID");
            String name = row.get("UserDisplayName");
            String license = row.get("ContentLicense");
            if (guid != null && guid.length() > 64) {
                extras.put("RevisionGUID", guid);
            }
            if (name != null && name.length() > 100) {
                extras.put("UserDisplayName", name);
            }
            if (license != null && license.length() > 40) {
                extras.put("ContentLicense", license);
            }
            st.setLong(1, newIds.next());
            st.setLong(2, ctx.siteId());
            st.setLong(3, id);
            st.setLong(4, post);
            st.setInt(5, (int) requiredLong(row, "PostHistoryTypeId"));
            st.setString(6, truncate(guid, 64));
            st.setInstant(7, created);
            st.setLong(8, optionalLong(row, "UserId"));
            st.setString(9, truncate(name, 100));
            st.setString(10, row.get("Comment"));
            st.setString(11, row.get("Text"));
            st.setString(12, truncate(license, 40));
            st.setString(13, truncate(Extras.encode(extras), 2000));
            st.add();
            return true;
        };
    }
}
