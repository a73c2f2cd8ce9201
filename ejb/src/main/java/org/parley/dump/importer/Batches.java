package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The inserts of one chunk of rows, one {@link Rows} per table: kept until the end of the chunk, then written in the
 * order prepared (so a row's parent is written before the row), each table once if rows were added to it. On
 * PostgreSQL (unless {@link DumpDatabase#copies} says otherwise) a table's rows go in one {@code COPY ... FROM STDIN}
 * of the driver's; elsewhere (H2, SQL Server) in one JDBC batch of inserts. Both write the same values in the same
 * order.
 */
final class Batches implements AutoCloseable {

    /** A column whose value is drawn from a sequence for each row as it is written, e.g. a post's row version. */
    record Drawn(String column, String sequence) {}

    /**
     * One table's rows: set every column of a row by its number (1-based, in the order {@link #prepare} named them),
     * then {@link #add} it. Nulls are written as nulls.
     */
    abstract static class Rows {
        final String table;
        final List<String> columns;
        final Drawn drawn;
        int rows;

        private Rows(String table, List<String> columns, Drawn drawn) {
            this.table = table;
            this.columns = columns;
            this.drawn = drawn;
        }

        abstract void setLong(int column, long value) throws SQLException;

        abstract void setLong(int column, Long value) throws SQLException;

        abstract void setInt(int column, int value) throws SQLException;

        abstract void setInt(int column, Integer value) throws SQLException;

        abstract void setString(int column, String value) throws SQLException;

        abstract void setBoolean(int column, boolean value) throws SQLException;

        /** A "timestamp with time zone" column (Hibernate's TIMESTAMP_UTC for instants). */
        abstract void setInstant(int column, Instant value) throws SQLException;

        /** Adds the row whose columns were set. */
        abstract void add() throws SQLException;

        abstract void execute() throws SQLException;

        void close() throws SQLException {}
    }

    private final Connection connection;
    private final DumpDatabase db;
    private final boolean copy;
    private final List<Rows> tables = new ArrayList<>();

    /**
     * table -> the ids ({@code id} column) of the rows this chunk copies into it: a foreign key naming one of those
     * needs no check ({@link CopyRows#checkReferences}), since no other transaction sees the row until this one
     * commits.
     */
    private final java.util.Map<String, java.util.Set<Long>> copiedIds = new java.util.HashMap<>();

    Batches(Connection connection, DumpDatabase db) throws SQLException {
        this.connection = connection;
        this.db = db;
        this.copy = db.copies();
        if (copy) {
            // A chunk's commit need not wait for the disk: a crash loses at most the last chunks' commits, each
            // with the ledger position it moved (ImportLedger, same transaction), so the restarted job reads them
            // again. A later synchronous commit (e.g. the job's own step status) flushes the earlier ones too.
            // Post bodies and revisions are TOASTed: lz4 compresses them at a fraction of the CPU of the default
            // pglz (PostgreSQL 14 and later, when built with it; DumpDatabase#lz4 asks once).
            try (Statement st = connection.createStatement()) {
                st.execute("set local synchronous_commit = off"
                        + (db.lz4(connection) ? "; set local default_toast_compression = lz4" : ""));
            }
        }
    }

    /** Whether this chunk's rows go through PostgreSQL's COPY. */
    boolean copying() {
        return copy;
    }

    /** The tables prepared so far. */
    List<String> tables() {
        return tables.stream().map(r -> r.table).toList();
    }

    /**
     * Has PostgreSQL sample {@code tables} anew for the planner, in the chunk's transaction. Tables an import fills
     * from empty keep the statistics of their first rows until autovacuum comes by: with them the planner answered a
     * chunk's {@code number = any(...)} lookup with a scan of the site's questions through another index (100 ms a
     * chunk at 300,000 posts, a third of the posts step).
     */
    void analyze(java.util.Collection<String> tables) throws SQLException {
        if (!tables.isEmpty()) {
            try (Statement st = connection.createStatement()) {
                st.execute("analyze " + String.join(", ", tables));
            }
        }
    }

    /** The rows of {@code table}, one value for each of {@code columns}. */
    Rows prepare(String table, String... columns) throws SQLException {
        return prepare(table, null, columns);
    }

    /** Like {@link #prepare(String, String...)}, with one more column, {@code drawn}, set as each row is written. */
    Rows prepare(String table, Drawn drawn, String... columns) throws SQLException {
        List<String> cols = List.of(columns);
        Rows rows = copy ? new CopyRows(table, cols, drawn) : new JdbcRows(table, cols, drawn);
        tables.add(rows);
        return rows;
    }

    /**
     * Writes every table that has rows, in the order prepared. On PostgreSQL, where the role may and every table
     * allows it ({@link #checksOwnReferences}), the copies run with the transaction's triggers off ({@code
     * session_replication_role = replica}): a foreign key's trigger runs a query for each row it checks (a third of
     * PostgreSQL's time in the posts step), so the chunk checks its references itself afterwards, one query per
     * foreign key for all the values the rows name, which locks them ({@code for key share}) as the triggers would and
     * fails as they would when one is missing. Nothing else of the transaction runs with triggers off.
     */
    void execute() throws SQLException {
        List<CopyRows> unchecked = new ArrayList<>();
        if (streaming != null) {
            // Its rows are mostly at the server already; the rest go now, still in the role it started with.
            CopyRows streamed = streaming;
            streaming = null;
            streamed.execute();
            if (streamed.withoutTriggers) {
                if (!streamed.checkable()) {
                    throw new IllegalStateException("Copied " + streamed.table + " with triggers off, but its"
                            + " foreign keys cannot be checked: a key column was set as a string");
                }
                unchecked.add(streamed);
            }
        }
        boolean ownChecks = checksOwnReferences();
        if (ownChecks != replica) {
            replicationRole(ownChecks ? "replica" : "origin");
        }
        for (Rows rows : tables) {
            if (rows.rows > 0 && !(rows instanceof CopyRows c && c.streamed)) {
                rows.execute();
                if (ownChecks) {
                    unchecked.add((CopyRows) rows);
                }
            }
        }
        if (replica) {
            // Back before the checks: a failed copy aborts the transaction, whose rollback resets it anyway.
            replicationRole("origin");
        }
        for (CopyRows rows : unchecked) {
            rows.checkReferences();
        }
    }

    /** The table whose COPY is under way ({@link #stream}), or null. */
    private CopyRows streaming;

    /** Whether the transaction's triggers are off ({@code session_replication_role = replica}) now. */
    private boolean replica;

    /** The rows sent before {@link #execute}, in pieces of about this many bytes. */
    static final int STREAM_PIECE = 64 * 1024;

    /**
     * Starts {@code rows}' COPY now, on PostgreSQL, so that each piece of its rows reaches the server as soon as it is
     * added ({@link #STREAM_PIECE}): PostgreSQL's backend writes them while the writing thread sets the next ones,
     * instead of one waiting for the other. Until {@link #execute}, which sends the rest, nothing else may run on the
     * connection. Only for the first table prepared (its rows are written first anyway) and one without a {@link
     * Drawn} column (whose values are drawn just before its copy); elsewhere, and with JDBC batches, it does nothing.
     * The copy runs with triggers off when its table allows it ({@link #checksOwnReferences}), its keys checked in
     * {@link #execute}.
     */
    void stream(Rows rows) throws SQLException {
        if (!(rows instanceof CopyRows c)
                || streaming != null
                || c.drawn != null
                || tables.get(0) != rows
                || c.rows > 0) {
            return;
        }
        boolean off = c.checkable() && db.mayDisableTriggers(connection);
        if (off != replica) {
            replicationRole(off ? "replica" : "origin");
        }
        c.open = PgCopy.start(connection, c.sql());
        c.streamed = true;
        c.withoutTriggers = off;
        streaming = c;
    }

    /**
     * Whether the chunk's copies can run with triggers off: COPY on PostgreSQL, a role allowed to set {@code
     * session_replication_role}, and tables whose only triggers are their foreign keys' (which {@link
     * CopyRows#checkReferences} then checks). Any other trigger, or a foreign key it cannot check, keeps them on.
     */
    private boolean checksOwnReferences() throws SQLException {
        boolean any = false;
        for (Rows rows : tables) {
            if (rows.rows > 0 && !(rows instanceof CopyRows c && c.streamed)) {
                if (!(rows instanceof CopyRows c) || !c.checkable()) {
                    return false;
                }
                any = true;
            }
        }
        return any && db.mayDisableTriggers(connection);
    }

    private void replicationRole(String role) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("set local session_replication_role = " + role);
        }
        replica = "replica".equals(role);
    }

    /** Closes the statements, last prepared first; a failure to close one does not keep the others open. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        if (streaming != null && streaming.open != null) {
            try {
                streaming.open.cancel(); // a chunk that failed while its rows were being set
            } catch (SQLException e) {
                failure = e;
            }
            streaming = null;
        }
        for (int i = tables.size() - 1; i >= 0; i--) {
            try {
                tables.get(i).close();
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

    /** A JDBC batch of {@code insert ... values (?, ...)}; a drawn column's value is the sequence's SQL expression. */
    private final class JdbcRows extends Rows {
        private final PreparedStatement statement;

        JdbcRows(String table, List<String> columns, Drawn drawn) throws SQLException {
            super(table, columns, drawn);
            StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (");
            sql.append(String.join(", ", columns));
            if (drawn != null) {
                sql.append(", ").append(drawn.column());
            }
            sql.append(") values (");
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
            }
            if (drawn != null) {
                sql.append(", ").append(db.nextValueExpression(drawn.sequence()));
            }
            statement = connection.prepareStatement(sql.append(')').toString());
        }

        @Override
        void setLong(int column, long value) throws SQLException {
            statement.setLong(column, value);
        }

        @Override
        void setLong(int column, Long value) throws SQLException {
            if (value == null) {
                statement.setNull(column, Types.BIGINT);
            } else {
                statement.setLong(column, value);
            }
        }

        @Override
        void setInt(int column, int value) throws SQLException {
            statement.setInt(column, value);
        }

        @Override
        void setInt(int column, Integer value) throws SQLException {
            if (value == null) {
                statement.setNull(column, Types.INTEGER);
            } else {
                statement.setInt(column, value);
            }
        }

        @Override
        void setString(int column, String value) throws SQLException {
            statement.setString(column, value);
        }

        @Override
        void setBoolean(int column, boolean value) throws SQLException {
            statement.setBoolean(column, value);
        }

        @Override
        void setInstant(int column, Instant value) throws SQLException {
            if (value == null) {
                statement.setNull(column, Types.TIMESTAMP);
            } else {
                // An offset value needs no JVM zone.
                statement.setObject(column, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
            }
        }

        @Override
        void add() throws SQLException {
            statement.addBatch();
            rows++;
        }

        @Override
        void execute() throws SQLException {
            statement.executeBatch();
        }

        @Override
        void close() throws SQLException {
            statement.close();
        }
    }

    /**
     * PostgreSQL's COPY text format: one line per row, columns separated by tabs, {@code \N} for null, backslash,
     * tab, newline and carriage return escaped; sent as UTF-8, the driver's client encoding. A drawn column is the
     * last of each line, its values drawn for all the rows at once just before the copy, in row order, as the
     * inserts' {@code nextval} would draw them.
     */
    private final class CopyRows extends Rows {
        /** The row being set: each column's value, text still to escape where {@link #escaped} says so. */
        private final String[] row;

        private final boolean[] escaped;
        /** The rows added, as UTF-8 COPY text (escaped and encoded in one pass, on the writing thread). */
        private final Utf8Text text = new Utf8Text();
        /** Where each row's line ends in {@link #text}, when a column is drawn (its value goes there). */
        private int[] lineEnds = new int[0];

        /** The table's foreign keys; null when its copies need its triggers ({@link DumpDatabase#foreignKeys}). */
        private final List<DumpDatabase.ForeignKey> keys;
        /** column number - 1 -> the foreign key on it (an index of {@link #keys}), or -1. */
        private final int[] keyOf;
        /** Per foreign key, the values the chunk's rows name. */
        private final List<java.util.Set<Long>> referenced = new ArrayList<>();
        /** Whether a foreign key's values are not all known: a column without a value of its own, or not a number. */
        private boolean unknown;
        /** The column number of {@code id}, whose values {@link #copiedIds} keeps for the chunk; 0 when none. */
        private final int idColumn;
        /** The ids of the rows added, when the table has an {@code id} column. */
        private final java.util.Set<Long> ids;
        /** The id of the row being set, kept by {@link #add}: a row abandoned half set (a skipped row) is not copied. */
        private Long rowId;
        /** Whether {@link #stream} started this table's copy, the one under way, and whether with triggers off. */
        boolean streamed;

        PgCopy.Stream open;
        boolean withoutTriggers;

        CopyRows(String table, List<String> columns, Drawn drawn) throws SQLException {
            super(table, columns, drawn);
            row = new String[columns.size()];
            escaped = new boolean[columns.size()];
            keyOf = new int[columns.size()];
            Arrays.fill(keyOf, -1);
            idColumn = columns.indexOf("id") + 1;
            ids = idColumn > 0 ? copiedIds.computeIfAbsent(table, t -> new java.util.HashSet<>()) : null;
            keys = db.foreignKeys(connection, table).orElse(null);
            if (keys != null) {
                for (int k = 0; k < keys.size(); k++) {
                    DumpDatabase.ForeignKey key = keys.get(k);
                    int i = columns.indexOf(key.column());
                    if (i >= 0) {
                        keyOf[i] = k;
                    } else if (key.defaulted()
                            || drawn != null && drawn.column().equals(key.column())) {
                        unknown = true;
                    }
                    referenced.add(new java.util.HashSet<>());
                }
            }
        }

        /** Whether {@link #checkReferences} can stand in for the table's triggers. */
        boolean checkable() {
            return keys != null && !unknown;
        }

        private void set(int column, String value) {
            row[column - 1] = value == null ? NULL : value;
            escaped[column - 1] = false;
        }

        private void reference(int column, long value) {
            if (column == idColumn) {
                rowId = value;
            }
            int k = keyOf[column - 1];
            if (k >= 0) {
                referenced.get(k).add(value);
            }
        }

        private void notReference(int column) {
            if (keyOf[column - 1] >= 0) {
                unknown = true;
            }
        }

        @Override
        void setLong(int column, long value) {
            reference(column, value);
            set(column, Long.toString(value));
        }

        @Override
        void setLong(int column, Long value) {
            if (value != null) {
                reference(column, value);
            }
            set(column, value == null ? null : value.toString());
        }

        @Override
        void setInt(int column, int value) {
            reference(column, value);
            set(column, Integer.toString(value));
        }

        @Override
        void setInt(int column, Integer value) {
            if (value != null) {
                reference(column, value);
            }
            set(column, value == null ? null : value.toString());
        }

        @Override
        void setString(int column, String value) {
            notReference(column);
            set(column, value);
            escaped[column - 1] = value != null;
        }

        @Override
        void setBoolean(int column, boolean value) {
            notReference(column);
            set(column, value ? "t" : "f");
        }

        @Override
        void setInstant(int column, Instant value) {
            notReference(column);
            set(column, value == null ? null : timestamp(value));
        }

        /**
         * Checks that every value the copied rows name in a foreign key's column is in the table it refers to, and
         * locks those rows against deletion until the transaction ends ({@code for key share}, as the key's trigger
         * does); throws an SQLException with SQLSTATE 23503 (foreign key violation), as the trigger would, for the
         * first value missing. Runs after all the chunk's copies, so a row may name one copied with it; those rows,
         * which this transaction wrote and no other can see, are neither looked up nor locked (a lock writes the row's
         * page and a WAL record: questions were locked by their tags and answers, answers by their questions).
         */
        void checkReferences() throws SQLException {
            if (keys == null) {
                return;
            }
            for (int k = 0; k < keys.size(); k++) {
                java.util.Set<Long> values = referenced.get(k);
                if (values.isEmpty()) {
                    continue;
                }
                DumpDatabase.ForeignKey key = keys.get(k);
                java.util.Set<Long> own = "id".equals(key.refColumn()) ? copiedIds.get(key.refTable()) : null;
                if (own != null) {
                    values.removeIf(own::contains);
                    if (values.isEmpty()) {
                        continue;
                    }
                }
                java.util.Set<Long> found = new java.util.HashSet<>();
                try (PreparedStatement st = connection.prepareStatement("select " + key.refColumn() + " from "
                        + key.refTable() + " where " + key.refColumn() + " = any(?) for key share")) {
                    st.setArray(1, connection.createArrayOf("bigint", values.toArray()));
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getLong(1));
                        }
                    }
                }
                if (found.size() < values.size()) {
                    values.removeAll(found);
                    throw new SQLException(
                            "insert on table \"" + table + "\" violates foreign key constraint \"" + key.name()
                                    + "\": (" + key.column() + ")=("
                                    + values.iterator().next()
                                    + ") is not present in " + key.refTable(),
                            "23503");
                }
                values.clear();
            }
        }

        @Override
        void add() throws SQLException {
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    throw new SQLException("No value for column " + columns.get(i) + " of " + table);
                }
                if (i > 0) {
                    text.ascii('\t');
                }
                if (escaped[i]) {
                    text.escaped(row[i]);
                } else {
                    text.ascii(row[i]);
                }
            }
            Arrays.fill(row, null);
            if (rowId != null) {
                ids.add(rowId);
                rowId = null;
            }
            if (drawn != null) {
                if (rows == lineEnds.length) {
                    lineEnds = Arrays.copyOf(lineEnds, Math.max(64, rows * 2));
                }
                lineEnds[rows] = text.length;
            } else {
                text.ascii('\n');
            }
            rows++;
            if (open != null && text.length >= STREAM_PIECE) {
                open.write(text.bytes, 0, text.length);
                text.length = 0;
            }
        }

        String sql() {
            return "copy " + table + " (" + String.join(", ", columns) + (drawn != null ? ", " + drawn.column() : "")
                    + ") from stdin";
        }

        @Override
        void execute() throws SQLException {
            if (open != null) {
                PgCopy.Stream copy = open;
                open = null;
                try {
                    copy.write(text.bytes, 0, text.length);
                    text.length = 0;
                    copy.end();
                } finally {
                    copy.cancel();
                }
                return;
            }
            String sql = sql();
            Utf8Text lines = text;
            if (drawn != null) {
                long[] values = draw(drawn.sequence(), rows);
                lines = new Utf8Text(text.length + rows * 21);
                int start = 0;
                for (int i = 0; i < rows; i++) {
                    lines.bytes(text.bytes, start, lineEnds[i]);
                    lines.ascii('\t');
                    lines.ascii(Long.toString(values[i]));
                    lines.ascii('\n');
                    start = lineEnds[i];
                }
            }
            PgCopy.copyIn(connection, sql, lines.bytes, lines.length);
            text.length = 0;
        }
    }

    /**
     * A growing buffer of UTF-8 bytes. {@link #escaped} writes a text value as a COPY field in one pass over its
     * characters: backslash, tab, newline and carriage return escaped, the rest encoded as {@code
     * String.getBytes(UTF_8)} does (a lone surrogate becomes {@code ?}); building the chunk's text as a String and
     * encoding it after took three more passes.
     */
    static final class Utf8Text {
        byte[] bytes;
        int length;

        Utf8Text() {
            this(8192);
        }

        Utf8Text(int capacity) {
            bytes = new byte[capacity];
        }

        private void room(int n) {
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
            }
        }

        void ascii(char c) {
            room(1);
            bytes[length++] = (byte) c;
        }

        /** {@code s}, which holds only ASCII characters that need no escape (numbers, dates, {@code \N}). */
        void ascii(String s) {
            int n = s.length();
            room(n);
            for (int i = 0; i < n; i++) {
                bytes[length++] = (byte) s.charAt(i);
            }
        }

        void bytes(byte[] b, int from, int to) {
            room(to - from);
            System.arraycopy(b, from, bytes, length, to - from);
            length += to - from;
        }

        /** {@code s} as a COPY text field, UTF-8. */
        void escaped(String s) {
            int n = s.length();
            // Enough for any text: no char takes more than 3 bytes (an escape 2, a surrogate pair 4 for its two).
            room(n * 3);
            byte[] b = bytes;
            int at = length;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    switch (c) {
                        case '\\' -> {
                            b[at++] = '\\';
                            b[at++] = '\\';
                        }
                        case '\t', '\n', '\r' -> {
                            b[at++] = '\\';
                            b[at++] = (byte) (c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
                        }
                        default -> b[at++] = (byte) c;
                    }
                } else if (c < 0x800) {
                    b[at++] = (byte) (0xc0 | c >> 6);
                    b[at++] = (byte) (0x80 | c & 0x3f);
                } else if (Character.isSurrogate(c)) {
                    int cp;
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        cp = Character.toCodePoint(c, s.charAt(++i));
                        b[at++] = (byte) (0xf0 | cp >> 18);
                        b[at++] = (byte) (0x80 | cp >> 12 & 0x3f);
                        b[at++] = (byte) (0x80 | cp >> 6 & 0x3f);
                        b[at++] = (byte) (0x80 | cp & 0x3f);
                    } else {
                        b[at++] = '?';
                    }
                } else {
                    b[at++] = (byte) (0xe0 | c >> 12);
                    b[at++] = (byte) (0x80 | c >> 6 & 0x3f);
                    b[at++] = (byte) (0x80 | c & 0x3f);
                }
            }
            length = at;
        }
    }

    /** {@code n} values of {@code sequence}, in the order drawn, in one query (PostgreSQL). */
    long[] draw(String sequence, int n) throws SQLException {
        long[] values = new long[n];
        try (PreparedStatement st =
                connection.prepareStatement("select nextval('" + sequence + "') from generate_series(1, ?)")) {
            st.setInt(1, n);
            try (ResultSet rs = st.executeQuery()) {
                for (int i = 0; i < n; i++) {
                    if (!rs.next()) {
                        throw new SQLException("Drew fewer than " + n + " values of " + sequence);
                    }
                    values[i] = rs.getLong(1);
                }
            }
        }
        return values;
    }

    private static final String NULL = "\\N";

    /**
     * An instant as PostgreSQL reads a "timestamp with time zone" in UTC, to the microsecond (rounded half up, as the
     * driver rounds a bound value), e.g. {@code 2010-08-25 19:50:51.187000+00}; years before 1 as "BC".
     */
    static String timestamp(Instant value) {
        long micros = (value.getNano() + 500) / 1000;
        Instant t = value;
        if (micros == 1_000_000) {
            t = t.plusSeconds(1);
            micros = 0;
        }
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = d.getYear();
        boolean bc = year <= 0;
        StringBuilder b = new StringBuilder(36);
        pad(b, bc ? 1 - year : year, 4).append('-');
        pad(b, d.getMonthValue(), 2).append('-');
        pad(b, d.getDayOfMonth(), 2).append(' ');
        pad(b, d.getHour(), 2).append(':');
        pad(b, d.getMinute(), 2).append(':');
        pad(b, d.getSecond(), 2).append('.');
        pad(b, micros, 6).append("+00");
        if (bc) {
            b.append(" BC");
        }
        return b.toString();
    }

    private static StringBuilder pad(StringBuilder b, long v, int width) {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }
}
