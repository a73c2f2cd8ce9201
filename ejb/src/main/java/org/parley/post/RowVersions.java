package org.parley.post;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionFactoryImplementor;

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
    String sql =
        em.getEntityManagerFactory()
            .unwrap(SessionFactoryImplementor.class)
            .getJdbcServices()
            .getDialect()
            .getSequenceSupport()
            .getSequenceNextValString(SEQUENCE);
    return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
  }
}
