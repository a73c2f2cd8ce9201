package org.parley.dump.importer;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * JDBC access for the bulk paths (import and export): Parley's datasource, enlisted in the caller's JTA transaction,
 * and sequence SQL from Hibernate's dialect so that the same statements run on H2, PostgreSQL and SQL Server.
 */
@ApplicationScoped
public class DumpDatabase {

    @Resource(lookup = "java:jboss/datasources/ParleyDS")
    private DataSource dataSource;

    @PersistenceUnit(unitName = "parley")
    private EntityManagerFactory emf;

    private volatile Dialect dialect;

    /**
     * The system property that turns the import's COPY off on PostgreSQL ({@code batches}): it then writes with JDBC
     * batches of inserts as on the other databases, e.g. to compare the two.
     */
    public static final String POSTGRESQL_WRITES = "parley.import.postgresql";

    private final boolean copy;

    public DumpDatabase() {
        copy = !"batches".equals(System.getProperty(POSTGRESQL_WRITES));
    }

    /** For code outside the container (tests, tools): a plain datasource and the dialect to take SQL from. */
    public DumpDatabase(DataSource dataSource, Dialect dialect) {
        this(dataSource, dialect, !"batches".equals(System.getProperty(POSTGRESQL_WRITES)));
    }

    /** Like {@link #DumpDatabase(DataSource, Dialect)}; {@code copy} false keeps PostgreSQL on batches. */
    public DumpDatabase(DataSource dataSource, Dialect dialect, boolean copy) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.copy = copy;
    }

    /**
     * Whether the import's bulk inserts go through PostgreSQL's COPY: on PostgreSQL, unless {@value
     * #POSTGRESQL_WRITES} is {@code batches}.
     */
    public boolean copies() {
        return copy && dialect() instanceof PostgreSQLDialect;
    }

    private volatile Boolean lz4;

    /**
     * Whether PostgreSQL can compress TOASTed values with lz4 ({@code default_toast_compression}: PostgreSQL 14 and
     * later, built with lz4), asked once on {@code c}.
     */
    boolean lz4(Connection c) throws SQLException {
        Boolean b = lz4;
        if (b == null) {
            try (PreparedStatement st = c.prepareStatement("select count(*) from pg_settings"
                            + " where name = 'default_toast_compression' and 'lz4' = any(enumvals)");
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                b = rs.getLong(1) > 0;
            }
            lz4 = b;
        }
        return b;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** An SQL expression that draws the next value of {@code sequence}, for use inside an INSERT. */
    public String nextValueExpression(String sequence) {
        return dialect().getSequenceSupport().getSelectSequenceNextValString(sequence);
    }

    /** A query that returns the next value of {@code sequence}. */
    public String nextValueQuery(String sequence) {
        return dialect().getSequenceSupport().getSequenceNextValString(sequence);
    }

    private Dialect dialect() {
        Dialect d = dialect;
        if (d == null) {
            d = emf.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
            dialect = d;
        }
        return d;
    }

    /**
     * Hands out ids from one of the entities' sequences ({@code allocationSize} 50), the way Hibernate's pooled
     * optimizer reads them: a drawn value {@code v} owns {@code v-49..v}. Ids handed out here and by Hibernate never
     * meet.
     */
    public final class Ids {
        private static final int BLOCK = 50;
        private final Connection connection;
        private final String query;
        private long next;
        private long last = -1;

        public Ids(Connection connection, String sequence) {
            this.connection = connection;
            this.query = nextValueQuery(sequence);
        }

        public long next() throws SQLException {
            if (next > last) {
                long v;
                do {
                    try (PreparedStatement st = connection.prepareStatement(query);
                            ResultSet rs = st.executeQuery()) {
                        rs.next();
                        v = rs.getLong(1);
                    }
                } while (v < BLOCK); // the first values are Hibernate's start-up block
                next = v - BLOCK + 1;
                last = v;
            }
            return next++;
        }
    }
}
