package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.dump.DumpRow;
import org.parley.dump.Extras;

/**
 * Votes.xml: kept as typed, mostly anonymous votes in {@code dump_vote} (see {@link org.parley.dump.DumpVote});
 * votes on posts that are not in the dump are skipped. Date-only dates are read as midnight and kept as written.
 */
final class VotesImporter extends RowImporter {

    private static final Set<String> MAPPED =
            Set.of("Id", "PostId", "VoteTypeId", "UserId", "CreationDate", "BountyAmount");

    VotesImporter(ImportContext ctx) {
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
            } catch (Skip ignored) {
                // counted below
            }
        }
        Set<Long> present = existingIds(c, "dump_vote", "dump_id", ctx.siteId(), ids);
        Set<Long> existingPosts = existingPosts(c, posts);
        DumpDatabase.Ids newIds = ctx.db().new Ids(c, "dump_vote_id_seq");
        try (PreparedStatement st = c.prepareStatement(
                "insert into dump_vote (id, site_id, dump_id, post_number, vote_type_id, user_number, bounty_amount,"
                        + " created_at, dump_extra) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                    if (!existingPosts.contains(post)) {
                        throw new Skip("vote on a post not in the dump");
                    }
                    Map<String, String> extras = rest(row, MAPPED);
                    st.setLong(1, newIds.next());
                    st.setLong(2, ctx.siteId());
                    st.setLong(3, id);
                    st.setLong(4, post);
                    st.setInt(5, (int) requiredLong(row, "VoteTypeId"));
                    setLong(st, 6, optionalLong(row, "UserId"));
                    Long bounty = optionalLong(row, "BountyAmount");
                    if (bounty == null) {
                        st.setNull(7, java.sql.Types.INTEGER);
                    } else {
                        st.setInt(7, bounty.intValue());
                    }
                    setInstant(st, 8, date(row, "CreationDate", extras));
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
