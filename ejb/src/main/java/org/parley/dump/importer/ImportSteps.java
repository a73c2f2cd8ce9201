package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.parley.markdown.MathSpans;

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

    /** Posts sampled to tell whether a site writes TeX math. */
    static final int MATH_SAMPLE = 5_000;

    /**
     * Switches math rendering on for a site whose posts use TeX (the quantum computing or mathematics kind of site):
     * at least 3 of the first {@value #MATH_SAMPLE} posts, and at least 1 in 20 of them, look like TeX (see {@link
     * MathSpans#looksLikeTex}). Never switches it off: an admin may have switched it on.
     *
     * @return whether the site's posts look like they use math
     */
    static boolean detectMath(Connection c, long siteId) throws SQLException {
        int sampled = 0;
        int withMath = 0;
        try (PreparedStatement st = c.prepareStatement("select body_html from post where site_id = ? order by id")) {
            st.setMaxRows(MATH_SAMPLE);
            st.setLong(1, siteId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    sampled++;
                    if (MathSpans.looksLikeTex(rs.getString(1))) {
                        withMath++;
                    }
                }
            }
        }
        boolean math = usesMath(withMath, sampled);
        if (math) {
            try (PreparedStatement st = c.prepareStatement("update site set math_enabled = ? where id = ?")) {
                st.setBoolean(1, true);
                st.setLong(2, siteId);
                st.executeUpdate();
            }
        }
        return math;
    }

    /** The threshold of {@link #detectMath}: a few posts with TeX are a quote or a joke, a steady share is a habit. */
    static boolean usesMath(int withMath, int sampled) {
        return withMath >= 3 && withMath * 20L >= sampled;
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
