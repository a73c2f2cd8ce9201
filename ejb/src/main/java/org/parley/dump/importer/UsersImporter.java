package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.dump.Extras;
import org.parley.user.PasswordHasher;

/**
 * Users.xml: each user keeps their Id as the per-site number (the Community user is -1), their display name,
 * reputation, creation date and about-me; the rest (location, website, vote counts, account id...) is kept for export.
 * Imported users get the username {@code se<Id>} and an unusable password: they cannot log in.
 */
final class UsersImporter extends RowImporter<Long> {

    private static final Set<String> MAPPED = Set.of("Id", "Reputation", "CreationDate", "DisplayName", "AboutMe");
    static final int MAX_DISPLAY_NAME = 40;

    UsersImporter(ImportContext ctx) {
        super(ctx, RowImporter::id);
    }

    /** The username an imported user gets: unique per site, never typed by anyone. */
    static String username(long id) {
        return "se" + id;
    }

    @Override
    Set<Long> alreadyImported(Connection c, List<Long> ids) throws SQLException {
        return existingIds(c, "parley_user", "number", ctx.siteId(), ids);
    }

    @Override
    ChunkWriter<Long> begin(Connection c, References refs, Batches batches) throws SQLException {
        DumpDatabase.Ids newIds = ctx.db().new Ids(c, "parley_user_id_seq", refs.rows);
        Batches.Rows st = batches.prepare(
                "parley_user",
                "id",
                "site_id",
                "number",
                "username",
                "display_name",
                "password_hash",
                "role",
                "reputation",
                "created_at",
                "about_me",
                "deleted",
                "dump_extra");
        return (row, id, tally) -> {
            Map<String, String> extras = rest(row, MAPPED);
            Instant created = date(row, "CreationDate", extras);
            if (created == null) {
                created = Instant.EPOCH;
                tally.note("no CreationDate");
            }
            String name = row.get("DisplayName");
            String shown = name == null || name.isBlank() ? "user" + id : name.strip();
            if (shown.length() > MAX_DISPLAY_NAME || !shown.equals(name)) {
                shown = truncate(shown, MAX_DISPLAY_NAME);
                if (name != null) {
                    extras.put("DisplayName", name);
                }
            }
            st.setLong(1, newIds.next());
            st.setLong(2, ctx.siteId());
            st.setLong(3, id);
            st.setString(4, username(id));
            st.setString(5, shown);
            st.setString(6, PasswordHasher.UNUSABLE);
            st.setString(7, "USER");
            st.setInt(8, intOr(row, "Reputation", 1));
            st.setInstant(9, created);
            st.setString(10, row.get("AboutMe"));
            st.setBoolean(11, false);
            st.setString(12, Extras.encode(extras));
            st.add();
            return true;
        };
    }
}
