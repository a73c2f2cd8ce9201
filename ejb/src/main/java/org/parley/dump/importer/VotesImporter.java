package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.dump.DumpRow;
import org.parley.dump.Extras;

/**
 * Votes.xml: kept as typed, mostly anonymous votes in {@code dump_vote} (see {@link org.parley.dump.DumpVote});
 * votes on posts that are not in the dump are skipped. Date-only dates are read as midnight and kept as written.
 */
final class VotesImporter extends RowImporter<Long> {

    private static final Set<String> MAPPED =
            Set.of("Id", "PostId", "VoteTypeId", "UserId", "CreationDate", "BountyAmount");

    VotesImporter(ImportContext ctx) {
        super(ctx, RowImporter::id);
    }

    @Override
    void collect(DumpRow row, References refs) {
        refs.posts.add(requiredLong(row, "PostId"));
    }

    @Override
    Set<Long> alreadyImported(Connection c, List<Long> ids) throws SQLException {
        return existingIds(c, "dump_vote", "dump_id", ctx.siteId(), ids);
    }

    @Override
    ChunkWriter<Long> begin(Connection c, References refs, Batches batches) throws SQLException {
        Set<Long> existingPosts = existingPosts(c, refs.posts);
        DumpDatabase.Ids newIds = ctx.db().new Ids(c, "dump_vote_id_seq");
        Batches.Batch insert = batches.prepare(
                "insert into dump_vote (id, site_id, dump_id, post_number, vote_type_id, user_number, bounty_amount,"
                        + " created_at, dump_extra) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement st = insert.statement();
        return (row, id, tally) -> {
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
            insert.add();
            return true;
        };
    }
}
