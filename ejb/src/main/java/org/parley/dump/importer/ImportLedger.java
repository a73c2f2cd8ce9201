package org.parley.dump.importer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of imports in {@code dump_import_count}, read and written with the caller's connection (so inside the
 * chunk's transaction). Outcomes: {@value #TOTAL} rows in the file, {@value #READ}, {@value #IMPORTED},
 * {@value #POSITION} (rows consumed, where a restart resumes), {@value #BYTES}, {@value #MISSING}, and {@code
 * skip:<reason>} / {@code note:<reason>}.
 */
@ApplicationScoped
public class ImportLedger {

    public static final String TOTAL = "total";
    public static final String TOTAL_BYTES = "total-bytes";
    public static final String READ = "read";
    public static final String IMPORTED = "imported";
    public static final String POSITION = "position";
    public static final String BYTES = "bytes";
    public static final String SKIP = "skip:";
    public static final String NOTE = "note:";
    public static final String MAX_ID = "max-id";
    /** 1 for a file the dump folder did not have when the import was validated: its step reads nothing. */
    public static final String MISSING = "missing";
    /** Posts.xml: questions that name an accepted answer not (yet) imported; see {@link LinkBatchlet}. */
    public static final String PENDING_LINKS = "pending-links";

    @Inject
    private DumpDatabase db;

    /** Adds a chunk's tally and moves the file's position, in the caller's transaction. */
    void record(Connection c, long importId, String file, Tally tally, long position, long bytes) throws SQLException {
        add(c, importId, file, READ, tally.read);
        add(c, importId, file, IMPORTED, tally.imported);
        for (Map.Entry<String, Long> e : tally.skipped.entrySet()) {
            add(c, importId, file, SKIP + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Long> e : tally.notes.entrySet()) {
            add(c, importId, file, NOTE + e.getKey(), e.getValue());
        }
        if (tally.pendingLinks != 0) {
            add(c, importId, file, PENDING_LINKS, tally.pendingLinks);
        }
        set(c, importId, file, POSITION, position);
        set(c, importId, file, BYTES, bytes);
    }

    void add(Connection c, long importId, String file, String outcome, long delta) throws SQLException {
        if (delta == 0 && !READ.equals(outcome) && !IMPORTED.equals(outcome)) {
            return;
        }
        try (PreparedStatement up = c.prepareStatement(
                "update dump_import_count set amount = amount + ? where import_id = ? and file_name = ? and outcome = ?")) {
            up.setLong(1, delta);
            up.setLong(2, importId);
            up.setString(3, file);
            up.setString(4, truncate(outcome));
            if (up.executeUpdate() == 0) {
                insert(c, importId, file, outcome, delta);
            }
        }
    }

    void set(Connection c, long importId, String file, String outcome, long value) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "update dump_import_count set amount = ? where import_id = ? and file_name = ? and outcome = ?")) {
            up.setLong(1, value);
            up.setLong(2, importId);
            up.setString(3, file);
            up.setString(4, truncate(outcome));
            if (up.executeUpdate() == 0) {
                insert(c, importId, file, outcome, value);
            }
        }
    }

    private void insert(Connection c, long importId, String file, String outcome, long value) throws SQLException {
        try (PreparedStatement in =
                c.prepareStatement("insert into dump_import_count (id, import_id, file_name, outcome, amount) values ("
                        + db.nextValueExpression("dump_import_count_id_seq")
                        + ", ?, ?, ?, ?)")) {
            in.setLong(1, importId);
            in.setString(2, file);
            in.setString(3, truncate(outcome));
            in.setLong(4, value);
            in.executeUpdate();
        }
    }

    long get(Connection c, long importId, String file, String outcome) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "select amount from dump_import_count where import_id = ? and file_name = ? and outcome = ?")) {
            st.setLong(1, importId);
            st.setString(2, file);
            st.setString(3, outcome);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Every figure of an import: file name -> outcome -> amount, files in dump order. */
    Map<String, Map<String, Long>> all(Connection c, long importId) throws SQLException {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        try (PreparedStatement st =
                c.prepareStatement("select file_name, outcome, amount from dump_import_count where import_id = ?")) {
            st.setLong(1, importId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                }
            }
        }
        return out;
    }

    private static String truncate(String outcome) {
        return outcome.length() > 200 ? outcome.substring(0, 200) : outcome;
    }
}
