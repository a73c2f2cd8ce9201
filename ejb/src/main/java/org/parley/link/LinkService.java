package org.parley.link;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.cache.CacheKey;
import org.parley.cache.Region;
import org.parley.cache.Scope;
import org.parley.cache.SharedCache;
import org.parley.common.Slugs;

/** The linked and duplicate questions shown beside a question. */
@Stateless
public class LinkService {

    /** A question page shows at most this many linked questions. */
    public static final int MAX_SHOWN = 50;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private SharedCache cache;

    /**
     * The questions linked from or to question {@code number} of site {@code siteId}, duplicates first; links to
     * posts that are not questions are left out. Empty for an unknown question.
     *
     * <p>From the shared tier, under the question's scope: closing a question as a duplicate, and reopening it, change
     * the question and each original ({@code PostChanged} CLOSED, REOPENED and LINKED), which drops the lists of both
     * sides. A linked question's new title, score or deletion shows once the list ages out ({@link
     * Region#PROVENANCE}).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a cache hit needs none; a miss reads lists, not streams
    public List<LinkedQuestion> listForQuestion(long siteId, long number) {
        return cache.get(
                        CacheKey.of(Region.PROVENANCE, siteId, "links/" + number, Scope.question(siteId, number)),
                        LinkedQuestionList.class,
                        () -> new LinkedQuestionList(load(siteId, number)))
                .questions();
    }

    private List<LinkedQuestion> load(long siteId, long number) {
        Map<Long, LinkedQuestion> found = new LinkedHashMap<>();
        List<Object[]> outgoing = em.createQuery(
                        "select q.number, q.title, q.score, l.linkTypeId from PostLink l, Question q"
                                + " where l.siteId = :site and l.postNumber = :n and q.site.id = :site"
                                + " and q.number = l.relatedPostNumber and q.deletedAt is null order by l.linkTypeId desc, q.score desc",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("n", number)
                .setMaxResults(MAX_SHOWN)
                .getResultList();
        for (Object[] row : outgoing) {
            boolean dup = ((Number) row[3]).intValue() == PostLink.DUPLICATE;
            add(found, row, dup, false);
        }
        List<Object[]> incoming = em.createQuery(
                        "select q.number, q.title, q.score, l.linkTypeId from PostLink l, Question q"
                                + " where l.siteId = :site and l.relatedPostNumber = :n and q.site.id = :site"
                                + " and q.number = l.postNumber and q.deletedAt is null order by l.linkTypeId desc, q.score desc",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("n", number)
                .setMaxResults(MAX_SHOWN)
                .getResultList();
        for (Object[] row : incoming) {
            boolean dup = ((Number) row[3]).intValue() == PostLink.DUPLICATE;
            add(found, row, false, dup);
        }
        List<LinkedQuestion> all = new ArrayList<>(found.values());
        all.sort((a, b) -> Boolean.compare(b.duplicateOf() || b.duplicate(), a.duplicateOf() || a.duplicate()));
        return all.size() > MAX_SHOWN ? all.subList(0, MAX_SHOWN) : all;
    }

    private static void add(Map<Long, LinkedQuestion> found, Object[] row, boolean duplicateOf, boolean duplicate) {
        long n = ((Number) row[0]).longValue();
        String title = (String) row[1];
        LinkedQuestion before = found.get(n);
        found.put(
                n,
                new LinkedQuestion(
                        n,
                        title,
                        Slugs.slugify(title),
                        ((Number) row[2]).intValue(),
                        duplicateOf || (before != null && before.duplicateOf()),
                        duplicate || (before != null && before.duplicate())));
    }
}
