package org.parley.revision;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reading the history of a post. */
@Stateless
public class RevisionService {

    /** A revisions page shows at most this many events. */
    public static final int MAX_SHOWN = 500;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /** The history of post {@code number} on site {@code siteId}, oldest first; empty for an unknown post. */
    public List<PostRevision> listByPost(long siteId, long number) {
        return em.createNamedQuery("PostRevision.listByPost", PostRevision.class)
                .setParameter("site", siteId)
                .setParameter("post", number)
                .setMaxResults(MAX_SHOWN)
                .getResultList();
    }
}
