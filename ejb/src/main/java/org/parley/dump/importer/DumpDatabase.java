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

    private volatile Boolean mayDisableTriggers;

    /**
     * Whether this role may switch a transaction's triggers off ({@code session_replication_role = replica}): a
     * superuser, or on PostgreSQL 15 and later a role granted {@code SET} on that parameter ({@code scripts/lib.sh}
     * pg_database grants it). Asked once on {@code c}.
     */
    boolean mayDisableTriggers(Connection c) throws SQLException {
        Boolean b = mayDisableTriggers;
        if (b == null) {
            try (PreparedStatement st = c.prepareStatement("select rolsuper, current_setting('server_version_num')::int"
                            + " from pg_roles where rolname = current_user");
                    ResultSet rs = st.executeQuery()) {
                b = rs.next() && (rs.getBoolean(1) || rs.getInt(2) >= 150000 && mayGrant(c));
            }
            mayDisableTriggers = b;
        }
        return b;
    }

    private static boolean mayGrant(Connection c) throws SQLException {
        try (PreparedStatement st =
                        c.prepareStatement("select has_parameter_privilege('session_replication_role', 'SET')");
                ResultSet rs = st.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /**
     * A foreign key of one column: {@code column} of the table (which has a default when {@code defaulted}) refers to
     * {@code refColumn} of {@code refTable} (both quoted for SQL where needed). {@link Batches} checks these itself
     * when it copies with triggers off.
     */
    record ForeignKey(String name, String column, boolean defaulted, String refTable, String refColumn) {}

    /**
     * table -> its foreign keys, or empty when its rows cannot be copied with triggers off (a trigger of its own, a
     * foreign key over several columns or not on an integer column). One entry per table the import writes: about a
     * dozen, so unbounded.
     */
    private final java.util.Map<String, java.util.Optional<java.util.List<ForeignKey>>> foreignKeys =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The foreign keys of {@code table}, read from PostgreSQL's catalog once, or empty when replica mode would switch
     * off more than those keys' checks (see {@link #foreignKeys}).
     */
    java.util.Optional<java.util.List<ForeignKey>> foreignKeys(Connection c, String table) throws SQLException {
        java.util.Optional<java.util.List<ForeignKey>> keys = foreignKeys.get(table);
        if (keys == null) {
            keys = readForeignKeys(c, table);
            foreignKeys.put(table, keys);
        }
        return keys;
    }

    private static java.util.Optional<java.util.List<ForeignKey>> readForeignKeys(Connection c, String table)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "select count(*) from pg_trigger where tgrelid = ?::regclass and not tgisinternal")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return java.util.Optional.empty();
                }
            }
        }
        java.util.List<ForeignKey> keys = new java.util.ArrayList<>();
        try (PreparedStatement st =
                c.prepareStatement("select co.conname, a.attname, a.atthasdef, co.confrelid::regclass::text,"
                        + " quote_ident(af.attname), cardinality(co.conkey), a.atttypid in ('int8'::regtype, 'int4'::regtype)"
                        + " from pg_constraint co"
                        + " join pg_attribute a on a.attrelid = co.conrelid and a.attnum = co.conkey[1]"
                        + " join pg_attribute af on af.attrelid = co.confrelid and af.attnum = co.confkey[1]"
                        + " where co.contype = 'f' and co.conrelid = ?::regclass order by co.conname")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(6) != 1 || !rs.getBoolean(7)) {
                        return java.util.Optional.empty();
                    }
                    keys.add(new ForeignKey(
                            rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return java.util.Optional.of(java.util.List.copyOf(keys));
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

    /** Whether the database is PostgreSQL. */
    public boolean isPostgreSQL() {
        return dialect() instanceof PostgreSQLDialect;
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
     * meet. On PostgreSQL the blocks for the ids a chunk {@code expected} to need are drawn in one query, not one
     * query per 50 ids (20 round trips for a chunk of 1,000 rows, in every step); ids not handed out by the end of
     * the chunk are a gap, as Hibernate leaves one when a server stops.
     */
    public final class Ids {
        private static final int BLOCK = 50;
        private final Connection connection;
        private final String sequence;
        private final String query;
        private final int expected;
        private final boolean postgresql;
        private long handedOut;
        private final java.util.ArrayDeque<Long> blocks = new java.util.ArrayDeque<>();
        private long next;
        private long last = -1;

        public Ids(Connection connection, String sequence) {
            this(connection, sequence, 0);
        }

        /** Ids from {@code sequence}, of which the caller expects to need about {@code expected}. */
        public Ids(Connection connection, String sequence, int expected) {
            this.connection = connection;
            this.sequence = sequence;
            // Through public methods only: in the server the outer instance is CDI's client proxy, whose own fields
            // are empty; a public method reaches the bean behind it.
            this.query = nextValueQuery(sequence);
            this.postgresql = isPostgreSQL();
            this.expected = expected;
        }

        public long next() throws SQLException {
            if (next > last) {
                long v;
                do {
                    if (blocks.isEmpty()) {
                        draw();
                    }
                    v = blocks.removeFirst();
                } while (v < BLOCK); // the first values are Hibernate's start-up block
                next = v - BLOCK + 1;
                last = v;
            }
            handedOut++;
            return next++;
        }

        private void draw() throws SQLException {
            long wanted = (expected - handedOut + BLOCK - 1) / BLOCK;
            if (wanted > 1 && postgresql) {
                try (PreparedStatement st =
                        connection.prepareStatement("select nextval('" + sequence + "') from generate_series(1, ?)")) {
                    st.setLong(1, wanted);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            blocks.addLast(rs.getLong(1));
                        }
                    }
                }
            } else {
                try (PreparedStatement st = connection.prepareStatement(query);
                        ResultSet rs = st.executeQuery()) {
                    rs.next();
                    blocks.addLast(rs.getLong(1));
                }
            }
        }
    }
}
