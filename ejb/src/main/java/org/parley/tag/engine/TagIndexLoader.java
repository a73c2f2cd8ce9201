package org.parley.tag.engine;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads questions for the tag engine: a site's in pages by number when an index is built, some by number after a
 * change, and all sites' changed since a row version for the catch-up. Only the columns the index keeps, as scalars;
 * each call is its own short transaction.
 */
@Stateless
public class TagIndexLoader {

  /** Questions per page when building; bounds memory and transaction length. */
  static final int PAGE = 20_000;

  /** The most numbers in one {@code in} list. */
  private static final int IN_LIST = 500;

  private static final String COLUMNS =
      "select q.number, q.createdAt, q.lastActivityAt, q.score, q.answerCount,"
          + " case when q.acceptedAnswer is null then false else true end, q.closedAt,"
          + " q.rowVersion, q.tagNames";

  @PersistenceContext(unitName = "parley")
  private EntityManager em;

  /** Every site's id. */
  public List<Long> siteIds() {
    return em.createQuery("select s.id from Site s order by s.id", Long.class).getResultList();
  }

  /** The highest question row version, or 0 when there are no questions. */
  public long maxRowVersion() {
    Long max = em.createQuery("select max(q.rowVersion) from Question q", Long.class).getSingleResult();
    return max == null ? 0 : max;
  }

  /** Up to {@value #PAGE} questions of a site numbered above {@code after}, in increasing number. */
  public List<QuestionRow> page(long siteId, long after) {
    List<Object[]> rows =
        em.createQuery(
                COLUMNS + " from Question q where q.site.id = :site and q.number > :after order by q.number",
                Object[].class)
            .setParameter("site", siteId)
            .setParameter("after", after)
            .setMaxResults(PAGE)
            .getResultList();
    return rows.stream().map(TagIndexLoader::row).toList();
  }

  /** The questions of a site with these numbers; numbers without a question are missing from the result. */
  public List<QuestionRow> byNumbers(long siteId, Collection<Long> numbers) {
    List<Long> all = new ArrayList<>(numbers);
    List<QuestionRow> found = new ArrayList<>();
    for (int from = 0; from < all.size(); from += IN_LIST) {
      em.createQuery(COLUMNS + " from Question q where q.site.id = :site and q.number in :numbers", Object[].class)
          .setParameter("site", siteId)
          .setParameter("numbers", all.subList(from, Math.min(all.size(), from + IN_LIST)))
          .getResultStream()
          .map(TagIndexLoader::row)
          .forEach(found::add);
    }
    return found;
  }

  /** A question of some site that changed. */
  public record SiteRow(long siteId, QuestionRow row) {}

  /** Up to {@code limit} questions of any site with a row version above {@code since}, in increasing row version. */
  public List<SiteRow> changedSince(long since, int limit) {
    List<Object[]> rows =
        em.createQuery(
                COLUMNS + ", q.site.id from Question q where q.rowVersion > :since order by q.rowVersion",
                Object[].class)
            .setParameter("since", since)
            .setMaxResults(limit)
            .getResultList();
    return rows.stream().map(r -> new SiteRow((Long) r[9], row(r))).toList();
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
