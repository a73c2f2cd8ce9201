package org.parley.backup;

import jakarta.annotation.Resource;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Takes an online backup of the database: H2's {@code BACKUP TO}, which copies the database file into a zip while
 * Parley keeps reading and writing; the copy is transactionally consistent (H2's MVStore writes it from one version of
 * the store), so a transaction committed before the backup began is in it and one still open is not. The zip is
 * written under the server's data folder ({@code jboss.server.data.dir/parley/backups}, never a path a caller
 * names), for {@code scripts/backup.sh} to move where the operator asked.
 *
 * <p>Other databases are not backed up from inside the server: PostgreSQL's own {@code pg_dump} does it better, and
 * SQL Server's {@code BACKUP DATABASE} is the DBA's.
 */
@Stateless
public class BackupService {

    private static final Logger log = Logger.getLogger(BackupService.class.getName());
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Resource(lookup = "java:jboss/datasources/ParleyDS")
    private DataSource dataSource;

    /** One backup file: where it is, its size, and how long it took. */
    public record Backup(Path file, long bytes, long millis) {}

    /** Thrown when the database is not one this server backs up itself (PostgreSQL, SQL Server). */
    @ApplicationException
    public static class NotSupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotSupported(String message) {
            super(message);
        }
    }

    /**
     * Backs the database up into a new zip file under the backups folder.
     *
     * @throws NotSupported when the database is not H2
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Backup backUp() throws IOException, SQLException {
        Path folder = folder();
        Files.createDirectories(folder);
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (!"H2".equalsIgnoreCase(product)) {
                throw new NotSupported(product + " is backed up with its own tools (pg_dump for PostgreSQL);"
                        + " this server backs up H2 only (see docs/operations.md)");
            }
            Path file = folder.resolve(fileName(Clock.systemUTC().instant()));
            try (Statement s = c.createStatement()) {
                s.execute("BACKUP TO " + literal(file.toString()));
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            long bytes = Files.size(file);
            log.log(Level.INFO, "Database backed up to {0} ({1} bytes in {2} ms)", new Object[] {file, bytes, millis});
            return new Backup(file, bytes, millis);
        }
    }

    /** Where backups are written: {@code jboss.server.data.dir/parley/backups}. */
    static Path folder() {
        return Path.of(System.getProperty("jboss.server.data.dir", "."), "parley", "backups");
    }

    /** {@code parley-20261208-013000-123.zip}: sorted by time, unique per millisecond. */
    static String fileName(Instant at) {
        return "parley-" + STAMP.format(at) + ".zip";
    }

    /** {@code s} as an SQL string literal. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
