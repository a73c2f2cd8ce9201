package org.parley.listing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.common.Page;
import org.parley.post.QuestionSort;

/**
 * The question lists in SQL, exactly as {@link TagEngine} answers them (same filters, same total orders): the
 * reference the engine is tested and benchmarked against, not used by pages. Each tag term becomes a subquery on the
 * question–tag join table through its index.
 */
@ApplicationScoped
public class SqlListing {

    /** The hot order's measure, as {@link Order#hotness} computes it. */
    static final String HOTNESS = "(q.score * 3 + q.answerCount * 4)";

    private static final String TERM =
            "q.id in (select tq.id from Question tq join tq.tags t where t.site.id = :site and t.name = :%s)";

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /** One page of the questions {@code expression} selects, in {@code sort} order; {@code page} is 1-based. */
    public IdPage questions(long siteId, TagExpression expression, QuestionSort sort, int page, int pageSize) {
        Map<String, Object> params = new HashMap<>();
        params.put("site", siteId);
        StringBuilder where = new StringBuilder(" from Question q where q.site.id = :site and q.deletedAt is null");
        int n = 0;
        for (List<TagExpression.Term> group : expression.groups()) {
            where.append(" and (");
            for (int i = 0; i < group.size(); i++) {
                TagExpression.Term term = group.get(i);
                String name = "t" + n++;
                params.put(name, term.tag());
                where.append(i == 0 ? "" : " or ")
                        .append(term.negated() ? "not " : "")
                        .append(String.format(TERM, name));
            }
            where.append(')');
        }
        if (sort == QuestionSort.UNANSWERED) {
            where.append(" and q.answerCount = 0");
        } else if (sort == QuestionSort.HOT) {
            Instant latest = em.createQuery(
                            "select max(q.lastActivityAt) from Question q where q.site.id = :site", Instant.class)
                    .setParameter("site", siteId)
                    .getSingleResult();
            if (latest == null) {
                return new IdPage(List.of(), 0);
            }
            Instant since = latest.minusNanos(SiteIndex.HOT_WINDOW_NANOS);
            List<Instant> last = em.createQuery(
                            "select q.lastActivityAt from Question q where q.site.id = :site"
                                    + " order by q.lastActivityAt desc",
                            Instant.class)
                    .setParameter("site", siteId)
                    .setFirstResult(SiteIndex.HOT_MINIMUM - 1)
                    .setMaxResults(1)
                    .getResultList();
            // Fewer questions than the minimum: all of them are in the window.
            Instant floor = last.isEmpty() ? Instant.MIN : last.get(0);
            if (floor.isBefore(since)) {
                since = floor;
            }
            if (!last.isEmpty()) {
                where.append(" and q.lastActivityAt >= :since");
                params.put("since", since);
            }
        }
        TypedQuery<Long> rows = em.createQuery("select q.number" + where + " order by " + orderBy(sort), Long.class);
        TypedQuery<Long> count = em.createQuery("select count(q)" + where, Long.class);
        params.forEach((k, v) -> {
            rows.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Long> numbers = rows.setFirstResult(Page.firstResult(page, pageSize))
                .setMaxResults(pageSize)
                .getResultList();
        return new IdPage(numbers, count.getSingleResult());
    }

    /** The order of each sort: descending keys, then the question number, so that it is total. */
    static String orderBy(QuestionSort sort) {
        return switch (sort) {
            case NEWEST, UNANSWERED -> "q.createdAt desc, q.number desc";
            case ACTIVE -> "q.lastActivityAt desc, q.number desc";
            case VOTES -> "q.score desc, q.createdAt desc, q.number desc";
            case FREQUENT -> "q.answerCount desc, q.score desc, q.number desc";
            case HOT -> HOTNESS + " desc, q.lastActivityAt desc, q.number desc";
        };
    }
}
