package org.parley.search;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.parley.post.Question;

/**
 * What search tests need done to posts that no service offers yet (closing comes from imported dumps): one transaction
 * through the entity, so Hibernate Search re-indexes the question on commit as it would after any other change.
 * Deployed inside the EJB module, next to the persistence unit.
 */
@Stateless
public class SearchFixture {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /** Closes question {@code number} of the site. */
    public void close(long siteId, long number) {
        Question q = em.createQuery(
                        "select q from Question q where q.site.id = :site and q.number = :number", Question.class)
                .setParameter("site", siteId)
                .setParameter("number", number)
                .getSingleResult();
        q.close(Instant.now());
    }
}
