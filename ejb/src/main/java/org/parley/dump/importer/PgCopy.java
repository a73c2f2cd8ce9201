package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The one class that uses the PostgreSQL driver's own API, loaded only when the database is PostgreSQL: elsewhere
 * (H2 in the standalone server) the driver's module may be absent from the deployment.
 */
final class PgCopy {

    private PgCopy() {}

    /**
     * Runs {@code sql} ({@code COPY ... FROM STDIN}) on the driver's connection under {@code connection} (the
     * server's pool wraps it), in its current transaction, with the first {@code length} bytes of {@code data} as its
     * input.
     */
    static void copyIn(Connection connection, String sql, byte[] data, int length) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            copy.writeToCopy(data, 0, length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
