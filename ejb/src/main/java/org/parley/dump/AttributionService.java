package org.parley.dump;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.cache.CacheKey;
import org.parley.cache.Region;
import org.parley.cache.Scope;
import org.parley.cache.SharedCache;

/** The licenses and community-wiki dates of the imported posts on a question page. */
@Stateless
public class AttributionService {

    /** The license shown for an imported post whose dump gives none (dumps before 2018 have no ContentLicense). */
    public static final String UNVERSIONED = "CC BY-SA";

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private SharedCache cache;

    /**
     * For question {@code number} of site {@code siteId} and its answers; empty maps for an unknown question. From the
     * shared tier, under the question's scope (a new answer, or a deletion, drops it).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a cache hit needs none; a miss reads lists, not streams
    public Attribution forQuestion(long siteId, long number) {
        return cache.get(
                CacheKey.of(Region.PROVENANCE, siteId, "attribution/" + number, Scope.question(siteId, number)),
                Attribution.class,
                () -> load(siteId, number));
    }

    private Attribution load(long siteId, long number) {
        // Two lookups by index (the question by site and number, its answers by question): one statement with
        // "number = :n or id in (answers)" made H2 walk every post of the site, 30 s a page at 3 M posts.
        List<Object[]> rows = new ArrayList<>(em.createQuery(
                        "select p.number, p.contentLicense, p.communityOwnedAt from Post p"
                                + " where p.site.id = :site and p.number = :n and p.dumpExtra is not null",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("n", number)
                .getResultList());
        rows.addAll(em.createQuery(
                        "select a.number, a.contentLicense, a.communityOwnedAt from Answer a join a.question q"
                                + " where q.site.id = :site and q.number = :n and a.dumpExtra is not null",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("n", number)
                .getResultList());
        Map<Long, String> licenses = new HashMap<>();
        Map<Long, Instant> wiki = new HashMap<>();
        for (Object[] r : rows) {
            long n = ((Number) r[0]).longValue();
            licenses.put(n, r[1] == null ? UNVERSIONED : (String) r[1]);
            if (r[2] != null) {
                wiki.put(n, (Instant) r[2]);
            }
        }
        return new Attribution(licenses, wiki);
    }
}
