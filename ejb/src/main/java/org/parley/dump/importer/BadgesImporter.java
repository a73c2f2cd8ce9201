package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.dump.DumpRow;
import org.parley.dump.Extras;

/** Badges.xml: badges of users in the site; a badge of a user who is not in Users.xml is skipped. */
final class BadgesImporter extends RowImporter<Long> {

    private static final Set<String> MAPPED = Set.of("Id", "UserId", "Name", "Date", "Class", "TagBased");

    BadgesImporter(ImportContext ctx) {
        super(ctx, RowImporter::id);
    }

    @Override
    void collect(DumpRow row, References refs) {
        refs.users.add(requiredLong(row, "UserId"));
    }

    @Override
    Set<Long> alreadyImported(Connection c, List<Long> ids) throws SQLException {
        return existingIds(c, "badge", "dump_id", ctx.siteId(), ids);
    }

    @Override
    ChunkWriter<Long> begin(Connection c, References refs, Batches batches) throws SQLException {
        Map<Long, Long> userIds = userIds(c, refs.users);
        DumpDatabase.Ids newIds = ctx.db().new Ids(c, "badge_id_seq", refs.rows);
        Batches.Rows st = batches.prepare(
                "badge",
                "id",
                "site_id",
                "dump_id",
                "user_number",
                "name",
                "badge_class",
                "tag_based",
                "awarded_at",
                "dump_extra");
        return (row, id, tally) -> {
            long user = requiredLong(row, "UserId");
            if (!userIds.containsKey(user)) {
                throw new Skip("user not in Users.xml");
            }
            String name = row.get("Name");
            if (name == null || name.isBlank()) {
                throw new Skip("missing Name");
            }
            Map<String, String> extras = rest(row, MAPPED);
            Instant date = date(row, "Date", extras);
            if (date == null) {
                throw new Skip("missing Date");
            }
            String tagBased = row.get("TagBased");
            if (tagBased != null && !tagBased.equals("True") && !tagBased.equals("False")) {
                extras.put("TagBased", tagBased);
            }
            if (name.length() > 100) {
                extras.put("Name", name);
            }
            st.setLong(1, newIds.next());
            st.setLong(2, ctx.siteId());
            st.setLong(3, id);
            st.setLong(4, user);
            st.setString(5, truncate(name, 100));
            st.setInt(6, intOr(row, "Class", 3));
            st.setBoolean(7, "true".equalsIgnoreCase(tagBased));
            st.setInstant(8, date);
            st.setString(9, truncate(Extras.encode(extras), 2000));
            st.add();
            return true;
        };
    }
}
