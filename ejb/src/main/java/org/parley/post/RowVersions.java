package org.parley.post;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.NativeQuery;

/**
 * Draws post row versions from the database sequence {@value #SEQUENCE} (declared by {@link RowVersionSequence} so
 * that schema generation creates it). The statement comes from Hibernate's dialect, so the same code runs on H2, PostgreSQL and
 * SQL Server.
 */
public final class RowVersions {

    public static final String SEQUENCE = "post_row_version_seq";

    private RowVersions() {}

    /** The next row version; strictly greater than every one drawn before. */
    public static long next(EntityManager em) {
        String sql = em.getEntityManagerFactory()
                .unwrap(SessionFactoryImplementor.class)
                .getJdbcServices()
                .getDialect()
                .getSequenceSupport()
                .getSequenceNextValString(SEQUENCE);
        // Naming the query's only table spares the flush of the whole session a native query otherwise causes.
        Object next = em.createNativeQuery(sql)
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("post_row_version")
                .getSingleResult();
        return ((Number) next).longValue();
    }
}
