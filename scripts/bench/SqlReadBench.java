import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The reference of {@code scripts/bench.sh search-index}: one plain JDBC read of what the mass indexer reads for a
 * site's posts (each question and answer with its title, body, tags, counters and dates; an answer with its question's
 * tags and closing), over the stopped server's H2 database. Run as a single-file program with WildFly's H2 driver on
 * the class path:
 *
 * <pre>java -cp h2.jar scripts/bench/SqlReadBench.java DB_FILE_WITHOUT_.mv.db SITE_HOST</pre>
 *
 * Prints {@code rows millis chars}: the rows read, the wall time of the best of three reads (the first warms the
 * file cache, as the mass indexer's reads are warm after the import), and the characters of text read.
 */
public class SqlReadBench {

    public static void main(String[] args) throws Exception {
        String url = "jdbc:h2:" + args[0] + ";ACCESS_MODE_DATA=r";
        try (Connection c = DriverManager.getConnection(url, "parley", "parley")) {
            long site;
            try (PreparedStatement s = c.prepareStatement("select id from site where host = ?")) {
                s.setString(1, args[1]);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalArgumentException("No site " + args[1]);
                    }
                    site = r.getLong(1);
                }
            }
            long best = Long.MAX_VALUE;
            long rows = 0;
            long chars = 0;
            for (int round = 0; round < 3; round++) {
                long started = System.nanoTime();
                rows = 0;
                chars = 0;
                try (PreparedStatement s = c.prepareStatement(
                        "select p.id, p.post_type, p.number, p.title, p.body_html, coalesce(p.tag_names, q.tag_names),"
                                + " p.score, p.answer_count, p.view_count, p.owner_id, p.created_at,"
                                + " p.last_activity_at, coalesce(p.closed_at, q.closed_at), p.accepted_answer_id,"
                                + " p.community_owned_at, p.question_id"
                                + " from post p left join post q on q.id = p.question_id where p.site_id = ?")) {
                    s.setFetchSize(1000);
                    s.setLong(1, site);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            rows++;
                            for (int col : new int[] {4, 5, 6}) {
                                String text = r.getString(col);
                                chars += text == null ? 0 : text.length();
                            }
                            r.getLong(1);
                            r.getString(2);
                            r.getLong(3);
                            r.getInt(7);
                            r.getInt(8);
                            r.getLong(9);
                            r.getLong(10);
                            r.getTimestamp(11);
                            r.getTimestamp(12);
                            r.getTimestamp(13);
                            r.getLong(14);
                            r.getTimestamp(15);
                            r.getLong(16);
                        }
                    }
                }
                best = Math.min(best, (System.nanoTime() - started) / 1_000_000);
            }
            System.out.println(rows + " " + Math.max(1, best) + " " + chars);
        }
    }
}
