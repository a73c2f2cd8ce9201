package org.parley.listing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Generated questions with a fixed seed, for the engine-versus-SQL test and the benchmark: tags drawn from a Zipf
 * distribution, 1 to 5 per question; dates on a coarse grid and small scores and answer counts, so that every order
 * has many ties that only the question number breaks. {@link #insert} writes them into Parley's real tables.
 */
final class SyntheticQuestions {

    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    final List<QuestionRow> rows;
    final String[] tagNames;

    /**
     * @param withAccepted whether some questions have an accepted answer ({@link #insert} then writes one answer row
     *     for each)
     */
    SyntheticQuestions(long seed, int questions, int tags, boolean withAccepted) {
        Random random = new Random(seed);
        tagNames = new String[tags];
        for (int t = 0; t < tags; t++) {
            tagNames[t] = "t" + Integer.toString(t, 36) + (t % 7 == 0 ? "-x" : "");
        }
        double[] cumulative = zipf(tags, 1.0);
        rows = new ArrayList<>(questions);
        long number = 0;
        for (int i = 0; i < questions; i++) {
            number += 1 + (random.nextInt(10) == 0 ? random.nextInt(5) : 0);
            // Minutes on a grid shared by many questions: ties in date orders. Microseconds: what databases keep.
            long createdMicros = (i / 3 + random.nextInt(20)) * 60_000_000L;
            long activityMicros = createdMicros + (random.nextInt(4) == 0 ? 0 : random.nextInt(50) * 3_600_000_000L);
            int score =
                    (int) Math.round(random.nextGaussian() * 3) + (random.nextInt(50) == 0 ? random.nextInt(200) : 0);
            int answers = random.nextInt(3) == 0 ? 0 : random.nextInt(6);
            boolean accepted = withAccepted && answers > 0 && random.nextInt(3) == 0;
            boolean closed = random.nextInt(40) == 0;
            int tagCount = 1 + random.nextInt(5);
            List<String> chosen = new ArrayList<>(tagCount);
            while (chosen.size() < tagCount) {
                String name = tagNames[draw(cumulative, random)];
                if (!chosen.contains(name)) {
                    chosen.add(name);
                }
            }
            rows.add(new QuestionRow(
                    number,
                    nanosOfMicros(createdMicros),
                    nanosOfMicros(activityMicros),
                    score,
                    answers,
                    accepted,
                    closed,
                    i + 1,
                    "|" + String.join("|", chosen) + "|"));
        }
    }

    private static long nanosOfMicros(long micros) {
        return QuestionRow.nanos(START) + micros * 1000;
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    private static double[] zipf(int n, double exponent) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1 / Math.pow(k + 1, exponent);
            cumulative[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cumulative[k] /= sum;
        }
        return cumulative;
    }

    private static int draw(double[] cumulative, Random random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    /** The index the engine builds from these rows. */
    SiteIndex index() {
        return index(SiteIndex.RUN_MINIMUM);
    }

    /** The index built from these rows, with runs for the tags of at least {@code runMinimum} questions. */
    SiteIndex index(int runMinimum) {
        SiteIndexBuilder builder = new SiteIndexBuilder(runMinimum);
        rows.forEach(builder::add);
        return builder.build();
    }

    /**
     * Writes the questions, their tags and (for accepted ones) one answer each into Parley's tables for site {@code
     * siteId}, with ids from {@code firstId} up; the site's next post number is moved past them.
     */
    void insert(Connection c, long siteId, long firstId) throws SQLException {
        c.setAutoCommit(false);
        long[] tagIds = new long[tagNames.length];
        try (PreparedStatement tag =
                c.prepareStatement("insert into tag (id, site_id, name, question_count) values (?, ?, ?, 0)")) {
            for (int t = 0; t < tagNames.length; t++) {
                tagIds[t] = firstId + t;
                tag.setLong(1, tagIds[t]);
                tag.setLong(2, siteId);
                tag.setString(3, tagNames[t]);
                tag.addBatch();
            }
            tag.executeBatch();
        }
        java.util.Map<String, Long> idOf = new java.util.HashMap<>();
        for (int t = 0; t < tagNames.length; t++) {
            idOf.put(tagNames[t], tagIds[t]);
        }
        long id = firstId + tagNames.length;
        long maxNumber = 0;
        String post =
                "insert into post (post_type, id, site_id, number, owner_display_name, body_markdown, body_html, score,"
                        + " created_at, last_activity_at, row_version, comment_count, title, tag_names, answer_count,"
                        + " accepted_answer_id, view_count, closed_at, question_id) values (?, ?, ?, ?, 'gen', 'body', 'body', ?,"
                        + " ?, ?, ?, 0, ?, ?, ?, ?, 0, ?, ?)";
        try (PreparedStatement q = c.prepareStatement(post);
                PreparedStatement a = c.prepareStatement(post);
                PreparedStatement qt =
                        c.prepareStatement("insert into question_tag (question_id, tag_id) values (?, ?)")) {
            int batched = 0;
            long answerNumber = rows.get(rows.size() - 1).number() + 1;
            for (QuestionRow row : rows) {
                long questionId = id++;
                Long answerId = null;
                if (row.accepted()) {
                    answerId = id++;
                    a.setString(1, "A");
                    a.setLong(2, answerId);
                    a.setLong(3, siteId);
                    a.setLong(4, answerNumber++);
                    a.setInt(5, 0);
                    a.setObject(6, instant(row.createdNanos()).atOffset(ZoneOffset.UTC));
                    a.setObject(7, instant(row.createdNanos()).atOffset(ZoneOffset.UTC));
                    a.setLong(8, row.rowVersion());
                    a.setNull(9, java.sql.Types.VARCHAR);
                    a.setNull(10, java.sql.Types.VARCHAR);
                    a.setNull(11, java.sql.Types.INTEGER);
                    a.setNull(12, java.sql.Types.BIGINT);
                    a.setNull(13, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    a.setLong(14, questionId);
                    a.addBatch();
                }
                q.setString(1, "Q");
                q.setLong(2, questionId);
                q.setLong(3, siteId);
                q.setLong(4, row.number());
                q.setInt(5, row.score());
                q.setObject(6, instant(row.createdNanos()).atOffset(ZoneOffset.UTC));
                q.setObject(7, instant(row.activityNanos()).atOffset(ZoneOffset.UTC));
                q.setLong(8, row.rowVersion());
                q.setString(9, "Generated question " + row.number());
                q.setString(10, row.tagNames());
                q.setInt(11, row.answerCount());
                q.setNull(12, java.sql.Types.BIGINT); // set below, once the answers exist
                if (row.closed()) {
                    q.setObject(13, instant(row.createdNanos()).atOffset(ZoneOffset.UTC));
                } else {
                    q.setNull(13, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                }
                q.setNull(14, java.sql.Types.BIGINT);
                q.addBatch();
                for (String name : SiteIndex.splitTags(row.tagNames())) {
                    qt.setLong(1, questionId);
                    qt.setLong(2, idOf.get(name));
                    qt.addBatch();
                }
                maxNumber = Math.max(maxNumber, answerNumber);
                if (++batched % 2000 == 0) {
                    q.executeBatch();
                    a.executeBatch();
                    qt.executeBatch();
                    c.commit();
                }
            }
            q.executeBatch();
            a.executeBatch();
            qt.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate(
                    "update tag t set question_count = (select count(*) from question_tag qt where qt.tag_id = t.id)"
                            + " where t.site_id = " + siteId);
            s.executeUpdate(
                    "update post q set accepted_answer_id = (select min(a.id) from post a where a.question_id = q.id)"
                            + " where q.site_id = " + siteId + " and q.post_type = 'Q'"
                            + " and exists (select 1 from post a where a.question_id = q.id)");
            s.executeUpdate("update site set next_post_number = " + (maxNumber + 1) + " where id = " + siteId);
            // Later changes through the services must get higher row versions than the generated ones.
            s.executeUpdate("alter sequence post_row_version_seq restart with " + (rows.size() + 1));
        }
        c.commit();
    }
}
