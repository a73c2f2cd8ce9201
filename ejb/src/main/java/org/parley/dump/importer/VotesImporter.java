package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.dump.DumpRow;
import org.parley.dump.Extras;

/**
 * Votes.xml: kept as typed, mostly anonymous votes in {@code dump_vote} (see {@link org.parley.dump.DumpVote}). A vote
 * on a post that is not in the dump (the public dumps leave deleted posts out but keep their votes: about 8% of one
 * real site's votes) is kept too, and counted as a note, so that an export writes Votes.xml back with every row; no
 * page reads it, and the validation step moved the site's post numbers past its post, so no post made here takes it.
 * Date-only dates are read as midnight and kept as written.
 */
final class VotesImporter extends RowImporter<Long> {

    private static final Set<String> MAPPED =
            Set.of("Id", "PostId", "VoteTypeId", "UserId", "CreationDate", "BountyAmount");

    /** The note of a vote kept although its post is not in the dump. */
    static final String POST_NOT_IN_DUMP = "post not in the dump (kept for export)";

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
        DumpDatabase.Ids newIds = ctx.db().new Ids(c, "dump_vote_id_seq", refs.rows);
        Batches.Rows st = batches.prepare(
                "dump_vote",
                "id",
                "site_id",
                "dump_id",
                "post_number",
                "vote_type_id",
                "user_number",
                "bounty_amount",
                "created_at",
                "dump_extra");
        return (row, id, tally) -> {
            long post = requiredLong(row, "PostId");
            Map<String, String> extras = rest(row, MAPPED);
            st.setLong(1, newIds.next());
            st.setLong(2, ctx.siteId());
            st.setLong(3, id);
            st.setLong(4, post);
            st.setInt(5, (int) requiredLong(row, "VoteTypeId"));
            st.setLong(6, optionalLong(row, "UserId"));
            Long bounty = optionalLong(row, "BountyAmount");
            st.setInt(7, bounty == null ? null : Integer.valueOf(bounty.intValue()));
            st.setInstant(8, date(row, "CreationDate", extras));
            st.setString(9, truncate(Extras.encode(extras), 2000));
            if (!existingPosts.contains(post)) {
                tally.note(POST_NOT_IN_DUMP);
            }
            st.add();
            return true;
        };
    }
}
