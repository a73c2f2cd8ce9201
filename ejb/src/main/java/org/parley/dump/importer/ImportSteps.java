package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The set-based last step of an import, on the caller's connection: finishing the site. */
final class ImportSteps {

    private ImportSteps() {}

    /**
     * Moves the site's number counters past the highest post and user numbers and recounts its tags' questions.
     */
    static void finishSite(Connection c, long siteId) throws SQLException {
        long maxPost = Math.max(
                max(c, "select max(number) from post where site_id = ?", siteId),
                max(c, "select max(number) from dump_post where site_id = ?", siteId));
        long maxUser = max(c, "select max(number) from parley_user where site_id = ?", siteId);
        try (PreparedStatement st = c.prepareStatement(
                "update site set next_post_number = case when next_post_number > ? then next_post_number else ? end,"
                        + " next_user_number = case when next_user_number > ? then next_user_number else ? end"
                        + " where id = ?")) {
            st.setLong(1, maxPost);
            st.setLong(2, maxPost + 1);
            st.setLong(3, maxUser);
            st.setLong(4, maxUser + 1);
            st.setLong(5, siteId);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement(
                "update tag set question_count = (select count(*) from question_tag qt where qt.tag_id = tag.id)"
                        + " where site_id = ?")) {
            st.setLong(1, siteId);
            st.executeUpdate();
        }
    }

    private static long max(Connection c, String sql, long siteId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, siteId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? 0 : v;
            }
        }
    }
}
