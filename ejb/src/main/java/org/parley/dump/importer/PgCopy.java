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
        Stream copy = start(connection, sql);
        try {
            copy.write(data, 0, length);
            copy.end();
        } finally {
            copy.cancel();
        }
    }

    /**
     * Starts {@code sql} ({@code COPY ... FROM STDIN}) as {@link #copyIn} does, its input to be sent piece by piece
     * while the caller makes the next: the connection runs nothing else until {@link Stream#end} or {@link
     * Stream#cancel}.
     */
    static Stream start(Connection connection, String sql) throws SQLException {
        return new Stream(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
    }

    /** A COPY under way. */
    static final class Stream {
        private final CopyIn copy;

        private Stream(CopyIn copy) {
            this.copy = copy;
        }

        /** Sends {@code length} bytes of {@code data} from {@code offset}: whole lines of COPY text. */
        void write(byte[] data, int offset, int length) throws SQLException {
            copy.writeToCopy(data, offset, length);
        }

        /** Ends the input: PostgreSQL finishes the COPY, or its error is thrown here. */
        void end() throws SQLException {
            copy.endCopy();
        }

        /** Abandons the COPY if it has not ended (a failed chunk, whose transaction rolls back). */
        void cancel() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
