package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.parley.dump.DumpDates;
import org.parley.dump.DumpRow;

/**
 * Writes one chunk of one file's rows ({@link Batches}: JDBC batches, or COPY on PostgreSQL) in the caller's transaction, counting each row as imported or
 * skipped (with its reason) in a {@link Tally}. {@link #write} is the step every file shares; a subclass maps one file
 * (its key, what its rows refer to, its table and columns) and this class holds the lookups they share.
 *
 * @param <K> what a row is matched by against the rows already imported: its Id, or for tags its name
 */
abstract class RowImporter<K> {

    /** A row that cannot be imported, with the reason it is counted under. */
    static final class Skip extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Skip(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Bound of each lookup cache below: about 10 MB of boxed longs each at most. */
    static final int CACHE_ENTRIES = 100_000;

    protected final ImportContext ctx;

    /**
     * user number -> id and post number -> id of rows written by earlier steps (so committed and never rolled back),
     * least recently used dropped first: comments, votes and badges refer to the same users and posts again and again.
     */
    private final Map<Long, Long> userCache = lru();

    private final Map<Long, Long> postCache = lru();

    private static Map<Long, Long> lru() {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
                return size() > CACHE_ENTRIES;
            }
        };
    }

    private final Function<DumpRow, K> key;

    /** Rows matched by {@code key} (which throws {@link Skip} for a row without one), e.g. {@code RowImporter::id}. */
    RowImporter(ImportContext ctx, Function<DumpRow, K> key) {
        this.ctx = ctx;
        this.key = key;
    }

    /** The importer of {@code file}'s rows. */
    static RowImporter<?> forFile(org.parley.dump.DumpFile file, ImportContext ctx) {
        return switch (file) {
            case USERS -> new UsersImporter(ctx);
            case TAGS -> new TagsImporter(ctx);
            case POSTS -> new PostsImporter(ctx);
            case COMMENTS -> new CommentsImporter(ctx);
            case VOTES -> new VotesImporter(ctx);
            case BADGES -> new BadgesImporter(ctx);
            case POST_HISTORY -> new HistoryImporter(ctx);
            case POST_LINKS -> new LinksImporter(ctx);
        };
    }

    /**
     * Writes a chunk of the file's rows: notes each row's key and what it refers to ({@link #collect}), asks which keys
     * the site already has ({@link #alreadyImported}), has the file look up what the rows refer to and prepare its
     * statements ({@link #begin}), then skips each row already imported (by an earlier import or an earlier row) and has the file's
     * {@link ChunkWriter} set every other one into its table's rows, or skip it with a reason. Runs the batches (after
     * the writer's {@link ChunkWriter#bindHeld}), then the writer's {@link ChunkWriter#finish}. Every row ends counted in {@code tally}: imported, or skipped with why.
     */
    final void write(Connection c, List<DumpRow> rows, Tally tally) throws SQLException {
        List<K> keys = new ArrayList<>();
        References refs = new References();
        refs.rows = rows.size();
        for (DumpRow row : rows) {
            try {
                keys.add(key.apply(row));
                collect(row, refs);
            } catch (Skip ignored) {
                // counted when the row is written
            }
        }
        ChunkWriter<K> writer;
        try (Batches batches = new Batches(c, ctx.db())) {
            if (batches.copying() && growing(++chunks)) {
                batches.analyze(written);
            }
            // A key the site has, or that an earlier row of the chunk has, is already imported.
            Set<K> imported = new HashSet<>(alreadyImported(c, keys));
            writer = begin(c, refs, batches);
            for (DumpRow row : rows) {
                try {
                    K k = key.apply(row);
                    if (!imported.add(k)) {
                        throw new Skip("already imported");
                    }
                    if (writer.write(row, k, tally)) {
                        tally.imported();
                    }
                } catch (Skip skip) {
                    tally.skip(skip.getMessage());
                }
            }
            writer.bindHeld(tally);
            batches.execute();
            written.addAll(batches.tables());
        }
        writer.finish(tally);
    }

    /** Chunks this importer wrote, and the tables it wrote them to. */
    private long chunks;

    private final Set<String> written = new java.util.LinkedHashSet<>();

    /**
     * Whether the tables written so far get new statistics before chunk {@code n}: after 4, 16, 64, 256, 1,024 ...
     * chunks, a few times a step, while what they hold still changes by a large factor.
     */
    static boolean growing(long n) {
        long before = n - 1;
        return before > 1 && (before & (before - 1)) == 0 && Long.numberOfTrailingZeros(before) % 2 == 0;
    }

    /** The users, posts and tags a chunk's rows name (by number or name in the dump), looked up once per chunk. */
    static final class References {
        final Set<Long> users = new HashSet<>();
        final Set<Long> posts = new HashSet<>();
        final Set<String> tags = new HashSet<>();
        /** The chunk's rows: how many ids its table's sequence is expected to give ({@link DumpDatabase.Ids}). */
        int rows;
    }

    /** How one chunk's rows are written, made by {@link #begin} once what they refer to is looked up. */
    interface ChunkWriter<K> {
        /**
         * Binds {@code row}, whose {@code key} is new to the site and to the chunk, into the chunk's batches, or throws
         * {@link Skip} with the reason. Returns true when the row counts as imported now, false when it is held back
         * for {@link #finish}, which writes and counts it.
         */
        boolean write(DumpRow row, K key, Tally tally) throws SQLException;

        /**
         * Binds into the chunk's batches what {@link #write} held back and can go with them, just before they run;
         * it counts those rows. Nothing by default.
         */
        default void bindHeld(Tally tally) throws SQLException {}

        /** Writes what {@link #write} held back, after the chunk's batches ran. Nothing by default. */
        default void finish(Tally tally) throws SQLException {}
    }

    /**
     * Adds the users, posts and tags {@code row} refers to, read the way the writer reads them; a {@link Skip} here
     * is counted when the row is written. Nothing by default.
     */
    void collect(DumpRow row, References refs) {}

    /** Which of a chunk's {@code keys} the site already has. */
    abstract Set<K> alreadyImported(Connection c, List<K> keys) throws SQLException;

    /**
     * Looks up what the chunk's rows refer to ({@code refs}), prepares the file's statements in {@code batches} (run
     * in the order prepared, and closed, by {@link #write}) and returns what binds each row into them.
     */
    abstract ChunkWriter<K> begin(Connection c, References refs, Batches batches) throws SQLException;

    /**
     * The row with the work done that needs no database and no other row (see {@link DumpRow#prepared}), called by
     * {@link ReadAhead} on its own thread, possibly on another instance than the one that writes the row; never
     * throws. This default does nothing.
     */
    DumpRow prepare(DumpRow row) {
        return row;
    }

    /** The row's Id, which every file has. */
    static long id(DumpRow row) {
        return requiredLong(row, "Id");
    }

    static long requiredLong(DumpRow row, String name) {
        String v = row.get(name);
        if (v == null || v.isBlank()) {
            throw new Skip("missing " + name);
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new Skip("malformed " + name);
        }
    }

    static Long optionalLong(DumpRow row, String name) {
        String v = row.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new Skip("malformed " + name);
        }
    }

    static int intOr(DumpRow row, String name, int otherwise) {
        Long v = optionalLong(row, name);
        return v == null ? otherwise : v.intValue();
    }

    /**
     * A date attribute; null when absent. A value that export would not write back the same way (e.g. a date-only vote
     * date) is also kept verbatim in {@code extras}, which export prefers.
     */
    static Instant date(DumpRow row, String name, Map<String, String> extras) {
        String v = row.get(name);
        if (v == null) {
            return null;
        }
        Instant parsed;
        try {
            parsed = DumpDates.parse(v);
        } catch (IllegalArgumentException e) {
            throw new Skip("malformed " + name);
        }
        if (parsed != null && !canonical(v) && !v.equals(DumpDates.format(parsed))) {
            extras.put(name, v);
        }
        return parsed;
    }

    /** Whether a date is in the form export writes ({@code 2010-08-25T19:50:51.187}), checked without formatting. */
    private static boolean canonical(String v) {
        return v.length() == 23 && v.charAt(10) == 'T' && v.charAt(19) == '.' && v.charAt(4) == '-';
    }

    /** The attributes of {@code row} other than {@code mapped}, in file order. */
    static Map<String, String> rest(DumpRow row, Set<String> mapped) {
        Map<String, String> extras = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : row.attributes().entrySet()) {
            if (!mapped.contains(e.getKey())) {
                extras.put(e.getKey(), e.getValue());
            }
        }
        return extras;
    }

    /** Which of {@code keys} the query ({@code ... where site_id = ? and KEY = ?}) finds; see {@link #lookup}. */
    <Q> Set<Q> existing(Connection c, String sql, long siteId, Collection<Q> keys) throws SQLException {
        return new HashSet<>(lookup(c, sql, siteId, keys, rs -> Boolean.TRUE).keySet());
    }

    /**
     * Which of a chunk's own Ids ({@code keys}) are already in {@code table}'s {@code column} for the site. A first
     * import finds none, which one range count per chunk shows; only a chunk that overlaps earlier rows (a second
     * import, or the chunk a crash interrupted) is checked key by key.
     */
    Set<Long> existingIds(Connection c, String table, String column, long siteId, Collection<Long> keys)
            throws SQLException {
        if (keys.isEmpty()) {
            return new HashSet<>();
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long k : keys) {
            min = Math.min(min, k);
            max = Math.max(max, k);
        }
        try (PreparedStatement st = c.prepareStatement(
                "select count(*) from " + table + " where site_id = ? and " + column + " between ? and ?")) {
            st.setLong(1, siteId);
            st.setLong(2, min);
            st.setLong(3, max);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return new HashSet<>();
                }
            }
        }
        return existing(
                c, "select " + column + " from " + table + " where site_id = ? and " + column + " = ?", siteId, keys);
    }

    /** key -> value for the query ({@code select VALUE ... where site_id = ? and KEY = ?}); see {@link #lookup}. */
    Map<Long, Long> lookup(Connection c, String sql, long siteId, Collection<Long> keys) throws SQLException {
        return lookup(c, sql, siteId, keys, rs -> rs.getLong(1));
    }

    /** Reads what a lookup query found for one key from its result row. */
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * key -> what {@code reader} makes of the query's row ({@code select ... from ... where site_id = ? and KEY =
     * ?}), for the keys (numbers or names) the query finds. One indexed point query per key: H2 does not use a (site,
     * key) index for {@code KEY in (...)} and would scan the site's rows instead. On PostgreSQL's bulk path ({@link
     * DumpDatabase#copies}) one query for all the keys, {@code KEY = any(?)} with an array, which uses the index: a
     * round trip per key was most of the time of a chunk whose rows name a thousand posts.
     */
    <Q, T> Map<Q, T> lookup(Connection c, String sql, long siteId, Collection<Q> keys, RowReader<T> reader)
            throws SQLException {
        Map<Q, T> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        Set<Q> distinct = new HashSet<>(keys);
        if (ctx.db().copies()) {
            return lookupAll(c, sql, siteId, distinct, reader);
        }
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, siteId);
            for (Q k : distinct) {
                st.setObject(2, k);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        found.put(k, reader.read(rs));
                    }
                }
            }
        }
        return found;
    }

    /** {@link #lookup} in one query: {@code select ..., KEY from ... where site_id = ? and KEY = any(?)}. */
    private static <Q, T> Map<Q, T> lookupAll(Connection c, String sql, long siteId, Set<Q> keys, RowReader<T> reader)
            throws SQLException {
        String tail = " = ?";
        int end = sql.lastIndexOf(tail);
        int from = sql.indexOf(" from ");
        if (end < 0 || end + tail.length() != sql.length() || from < 0) {
            throw new IllegalArgumentException("Not a lookup query: " + sql);
        }
        String key = sql.substring(sql.lastIndexOf(' ', end - 1) + 1, end);
        String all = sql.substring(0, from) + ", " + key + sql.substring(from, end) + " = any(?)";
        Object[] values = keys.toArray();
        String type = values[0] instanceof String ? "text" : "bigint";
        Map<Q, T> found = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(all)) {
            st.setLong(1, siteId);
            st.setArray(2, c.createArrayOf(type, values));
            try (ResultSet rs = st.executeQuery()) {
                int keyColumn = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    @SuppressWarnings("unchecked")
                    Q k = (Q) (values[0] instanceof String ? rs.getString(keyColumn) : (Object) rs.getLong(keyColumn));
                    found.putIfAbsent(k, reader.read(rs));
                }
            }
        }
        return found;
    }

    /** Like {@link #existingPosts} for a chunk's own post numbers (the Posts file). */
    Set<Long> existingOwnPosts(Connection c, Collection<Long> numbers) throws SQLException {
        Set<Long> found = existingIds(c, "post", "number", ctx.siteId(), numbers);
        found.addAll(existingIds(c, "dump_post", "number", ctx.siteId(), numbers));
        return found;
    }

    /** The post numbers of {@code numbers} that exist on the site, as questions, answers or other dump posts. */
    Set<Long> existingPosts(Connection c, Collection<Long> numbers) throws SQLException {
        Set<Long> found = new HashSet<>(postIds(c, numbers).keySet());
        if (found.size() < new HashSet<>(numbers).size()) {
            found.addAll(existing(
                    c, "select number from dump_post where site_id = ? and number = ?", ctx.siteId(), numbers));
        }
        return found;
    }

    /** user number -> user id for the users of {@code numbers} that exist on the site. */
    Map<Long, Long> userIds(Connection c, Collection<Long> numbers) throws SQLException {
        return cached(userCache, c, "select id from parley_user where site_id = ? and number = ?", numbers);
    }

    /** post number -> id for the questions and answers of {@code numbers} that exist on the site. */
    Map<Long, Long> postIds(Connection c, Collection<Long> numbers) throws SQLException {
        return cached(postCache, c, "select id from post where site_id = ? and number = ?", numbers);
    }

    private Map<Long, Long> cached(Map<Long, Long> cache, Connection c, String sql, Collection<Long> keys)
            throws SQLException {
        Map<Long, Long> found = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long k : keys) {
            Long v = cache.get(k);
            if (v != null) {
                found.put(k, v);
            } else {
                missing.add(k);
            }
        }
        Map<Long, Long> loaded = lookup(c, sql, ctx.siteId(), missing);
        cache.putAll(loaded);
        found.putAll(loaded);
        return found;
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
