package org.parley.listing;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.parley.post.PostNumbers;

/**
 * Reads questions for the tag engine: all of a site's, streamed in one query when an index is built, some by number
 * after a change, and all sites' changed since a row version for the catch-up. Only the columns the index keeps, as
 * scalars; each call is its own transaction.
 */
@Stateless
public class TagIndexLoader {

    /** The most numbers in one {@code in} list. */
    private static final int IN_LIST = 500;

    private static final String COLUMNS = "select q.number, q.createdAt, q.lastActivityAt, q.score, q.answerCount,"
            + " case when q.acceptedAnswer is null then false else true end, q.closedAt,"
            + " q.rowVersion, q.tagNames";

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /** Every site's id. */
    public List<Long> siteIds() {
        return em.createQuery("select s.id from Site s order by s.id", Long.class)
                .getResultList();
    }

    /** The highest question row version, or 0 when there are no questions. */
    public long maxRowVersion() {
        Long max = em.createQuery("select max(q.rowVersion) from Question q", Long.class)
                .getSingleResult();
        return max == null ? 0 : max;
    }

    /**
     * The columns {@link #stream} reads, in plain SQL on Parley's table: the questions of one site, in no particular
     * order (the builder lays them out by number). With {@code order by number} H2 read them through the (site, type,
     * date) index and sorted 1M rows in a temporary store on disk, most of the start-up build's time.
     */
    static final String STREAM_SQL =
            "select number, created_at, last_activity_at, score, answer_count, accepted_answer_id, closed_at, row_version,"
                    + " tag_names from post where site_id = ? and post_type = 'Q' and deleted_at is null";

    /** Rows the driver fetches per round trip when streaming. */
    static final int FETCH_SIZE = 10_000;

    /**
     * Every question of a site, in no particular order, handed to {@code sink} one by one as the driver streams them: one
     * forward-only, read-only query with a fetch size, no entities, no persistence context. PostgreSQL streams only
     * with auto-commit off, which holds here: the call runs in its own transaction.
     *
     * @return how many rows were read
     */
    public int stream(long siteId, Consumer<QuestionRow> sink) {
        int[] read = {0};
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s =
                    c.prepareStatement(STREAM_SQL, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                s.setFetchSize(FETCH_SIZE);
                s.setLong(1, siteId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        r.getLong(6);
                        boolean accepted = !r.wasNull();
                        String tags = r.getString(9);
                        sink.accept(new QuestionRow(
                                r.getLong(1),
                                nanos(r.getObject(2, OffsetDateTime.class)),
                                nanos(r.getObject(3, OffsetDateTime.class)),
                                r.getInt(4),
                                r.getInt(5),
                                accepted,
                                r.getObject(7) != null,
                                r.getLong(8),
                                tags == null ? "" : tags));
                        read[0]++;
                    }
                }
            }
        });
        return read[0];
    }

    private static long nanos(OffsetDateTime t) {
        return Math.addExact(Math.multiplyExact(t.toEpochSecond(), 1_000_000_000L), t.getNano());
    }

    /**
     * The live questions of a site with these numbers; numbers without a question, and deleted questions, are missing
     * from the result.
     */
    public List<QuestionRow> byNumbers(long siteId, Collection<Long> numbers) {
        List<Long> all = new ArrayList<>(numbers);
        List<QuestionRow> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<Long> ids = PostNumbers.ids(em, siteId, all.subList(from, Math.min(all.size(), from + IN_LIST)));
            if (ids.isEmpty()) {
                continue;
            }
            em.createQuery(COLUMNS + " from Question q where q.id in :ids and q.deletedAt is null", Object[].class)
                    .setParameter("ids", ids)
                    .getResultStream()
                    .map(TagIndexLoader::row)
                    .forEach(found::add);
        }
        return found;
    }

    /** A question of some site that changed; {@code deleted} when it leaves the lists. */
    public record SiteRow(long siteId, QuestionRow row, boolean deleted) {}

    /** Up to {@code limit} questions of any site with a row version above {@code since}, in increasing row version. */
    public List<SiteRow> changedSince(long since, int limit) {
        List<Object[]> rows = em.createQuery(
                        COLUMNS + ", q.site.id, q.deletedAt from Question q where q.rowVersion > :since"
                                + " order by q.rowVersion",
                        Object[].class)
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream()
                .map(r -> new SiteRow((Long) r[9], row(r), r[10] != null))
                .toList();
    }

    private static QuestionRow row(Object[] r) {
        return new QuestionRow(
                (Long) r[0],
                QuestionRow.nanos((Instant) r[1]),
                QuestionRow.nanos((Instant) r[2]),
                ((Number) r[3]).intValue(),
                ((Number) r[4]).intValue(),
                Boolean.TRUE.equals(r[5]),
                r[6] != null,
                (Long) r[7],
                r[8] == null ? "" : (String) r[8]);
    }
}
