package org.parley.badge;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reading badges for profiles. */
@Stateless
public class BadgeService {

    /** A profile shows at most this many badges. */
    public static final int MAX_SHOWN = 200;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /** The badges of user {@code userNumber} on site {@code siteId}, gold first; empty for an unknown user. */
    public List<Badge> listByUser(long siteId, long userNumber) {
        return em.createNamedQuery("Badge.listByUser", Badge.class)
                .setParameter("site", siteId)
                .setParameter("user", userNumber)
                .setMaxResults(MAX_SHOWN)
                .getResultList();
    }
}
