package org.parley.common;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * At start-up, before anything reads the database: on H2, turns every {@code ENUM} column into a {@code VARCHAR}
 * holding the same names. Hibernate creates H2's native {@code ENUM} type for {@code @Enumerated(STRING)} columns,
 * and H2 reads a row version that a transaction in flight had changed back as the enum's ordinal ("No enum constant
 * Role.1") when that version reaches a file without its transaction: after a {@code kill -9} (found with batched
 * message deliveries) and in an online backup ({@code BackupRestoreIT}: the restored server could not start). A
 * {@code VARCHAR} reads back as written. Each column of a base table is changed once ({@code ALTER COLUMN ... SET DATA
 * TYPE} keeps its nullability; Hibernate's temporary {@code HTE_} tables, which H2 cannot alter, keep theirs and hold
 * no rows between statements); a database without {@code ENUM} columns, and any other database, is left alone. Other start-up
 * singletons that read the database depend on this one.
 */
@Singleton
@Startup
public class H2EnumColumns {

    private static final Logger log = Logger.getLogger(H2EnumColumns.class.getName());

    /** Wide enough for every enum name Parley stores (the longest is 20 characters). */
    static final int LENGTH = 32;

    @Resource(lookup = "java:jboss/datasources/ParleyDS")
    private DataSource dataSource;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        try (Connection c = dataSource.getConnection()) {
            for (String change : convert(c)) {
                log.log(Level.INFO, "H2 ENUM column changed to VARCHAR: {0}", change);
            }
        } catch (SQLException e) {
            log.log(Level.WARNING, "Could not change H2 ENUM columns to VARCHAR; they stay as they are", e);
        }
    }

    /**
     * Changes every ENUM column of {@code c}'s schema's tables to VARCHAR, if {@code c} is H2; returns the statements
     * that succeeded (one that fails is logged and the others still run).
     */
    static List<String> convert(Connection c) throws SQLException {
        List<String> changes = new ArrayList<>();
        if (!"H2".equalsIgnoreCase(c.getMetaData().getDatabaseProductName())) {
            return changes;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select c.table_name, c.column_name from information_schema.columns c"
                        + " join information_schema.tables t"
                        + " on t.table_schema = c.table_schema and t.table_name = c.table_name"
                        + " where c.table_schema = schema() and c.data_type = 'ENUM' and t.table_type = 'BASE TABLE'"
                        + " order by c.table_name, c.column_name")) {
            while (rs.next()) {
                changes.add(alter(rs.getString(1), rs.getString(2)));
            }
        }
        List<String> done = new ArrayList<>();
        for (String change : changes) {
            try (Statement s = c.createStatement()) {
                s.execute(change);
                done.add(change);
            } catch (SQLException e) {
                log.log(Level.WARNING, "Could not change an H2 ENUM column to VARCHAR: " + change, e);
            }
        }
        return done;
    }

    /** The statement that turns {@code table.column} into a {@code VARCHAR}. */
    static String alter(String table, String column) {
        return "alter table " + quoted(table) + " alter column " + quoted(column) + " set data type varchar(" + LENGTH
                + ")";
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
