package org.parley.post;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Turns a site's post numbers into post ids, so that lists read their rows by primary key. H2 cannot use the (site,
 * number) index for {@code number in (?, ?, ...)} with parameters: it reads every post of the site instead (50-100 ms
 * on a site of 150,000 posts, measured with scripts/bench.sh search). On H2 the numbers are joined as a table
 * parameter, which uses the index (2-3 ms for 30 numbers); other databases use the index for the IN list themselves.
 */
public final class PostNumbers {

    private PostNumbers() {}

    /** The ids of the site's posts with these numbers, in no particular order; numbers without a post are left out. */
    public static List<Long> ids(EntityManager em, long siteId, Collection<Long> numbers) {
        return column(em, siteId, numbers, "id");
    }

    /** Those of these numbers that are the numbers of posts of the site. */
    public static List<Long> existing(EntityManager em, long siteId, Collection<Long> numbers) {
        return column(em, siteId, numbers, "number");
    }

    private static List<Long> column(EntityManager em, long siteId, Collection<Long> numbers, String column) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        if (h2(em)) {
            List<?> values = em.createNativeQuery("select p." + column
                            + " from post p join table(n bigint = ?1) t on p.number = t.n where p.site_id = ?2")
                    .setParameter(1, numbers.toArray(new Long[0]))
                    .setParameter(2, siteId)
                    .getResultList();
            return values.stream().map(v -> ((Number) v).longValue()).toList();
        }
        return em.createQuery(
                        "select p." + column + " from Post p where p.site.id = :site and p.number in :numbers",
                        Long.class)
                .setParameter("site", siteId)
                .setParameter("numbers", numbers)
                .getResultList();
    }

    private static boolean h2(EntityManager em) {
        return em.getEntityManagerFactory()
                        .unwrap(SessionFactoryImplementor.class)
                        .getJdbcServices()
                        .getDialect()
                instanceof H2Dialect;
    }
}
