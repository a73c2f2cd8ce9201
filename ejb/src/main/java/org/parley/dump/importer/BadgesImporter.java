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

/** Badges.xml: badges of users in the site; a badge of a user who is not in Users.xml is skipped. */
final class BadgesImporter extends RowImporter {

    private static final Set<String> MAPPED = Set.of("Id", "UserId", "Name", "Date", "Class", "TagBased");

    BadgesImporter(ImportContext ctx) {
        super(ctx);
    }

    @Override
    void write(Connection c, List<DumpRow> rows, Tally tally) throws SQLException {
        List<Long> ids = new ArrayList<>();
        Set<Long> users = new HashSet<>();
        for (DumpRow row : rows) {
            try {
                ids.add(id(row));
                users.add(requiredLong(row, "UserId"));
            } catch (Skip ignored) {
                // counted below
            }
        }
        Set<Long> present = existingIds(c, "badge", "dump_id", ctx.siteId(), ids);
        Map<Long, Long> userIds = userIds(c, users);
        DumpDatabase.Ids newIds = ctx.db().new Ids(c, "badge_id_seq");
        try (PreparedStatement st = c.prepareStatement(
                "insert into badge (id, site_id, dump_id, user_number, name, badge_class, tag_based, awarded_at,"
                        + " dump_extra) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                    setInstant(st, 8, date);
                    st.setString(9, truncate(Extras.encode(extras), 2000));
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
