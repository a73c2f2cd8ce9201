package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDBC batches of one chunk of rows: statements prepared on the chunk's connection, each run once at the end of
 * the chunk if rows were added to it, in the order prepared (so a row's parent is written before the row), then
 * closed.
 */
final class Batches implements AutoCloseable {

    /** One prepared statement and how many rows were added to it. */
    static final class Batch {
        private final PreparedStatement statement;
        private int rows;

        private Batch(PreparedStatement statement) {
            this.statement = statement;
        }

        /** The statement to bind a row's parameters on before {@link #add}. */
        PreparedStatement statement() {
            return statement;
        }

        /** Adds the row bound on the statement to the batch. */
        void add() throws SQLException {
            statement.addBatch();
            rows++;
        }
    }

    private final Connection connection;
    private final List<Batch> batches = new ArrayList<>();

    Batches(Connection connection) {
        this.connection = connection;
    }

    Batch prepare(String sql) throws SQLException {
        Batch batch = new Batch(connection.prepareStatement(sql));
        batches.add(batch);
        return batch;
    }

    /** Runs every batch that has rows, in the order the statements were prepared. */
    void execute() throws SQLException {
        for (Batch batch : batches) {
            if (batch.rows > 0) {
                batch.statement.executeBatch();
            }
        }
    }

    /** Closes the statements, last prepared first; a failure to close one does not keep the others open. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (int i = batches.size() - 1; i >= 0; i--) {
            try {
                batches.get(i).statement.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
