package org.parley.listing;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;

/**
 * The data of the tag benchmarks: {@code -Dbench.questions} (default 1,000,000) generated questions over 50,000 Zipf
 * tags with a fixed seed, and the same questions in an H2 file database with Parley's schema and indexes, kept under
 * {@link #cacheDir()} between runs (made again when missing).
 */
public final class BenchData {

    static final long SEED = 2026_11_22L;
    static final int TAGS = 50_000;

    private BenchData() {}

    static int questions() {
        return Integer.getInteger("bench.questions", 1_000_000);
    }

    static SyntheticQuestions generate() {
        return new SyntheticQuestions(SEED, questions(), TAGS, false);
    }

    /** The lists measured, by name: tags by popularity rank (0 = most used). */
    static Map<String, TagExpression> queries(SyntheticQuestions data) {
        String[] t = data.tagNames;
        Map<String, TagExpression> queries = new LinkedHashMap<>();
        queries.put("one", TagExpression.parse(t[3]));
        queries.put("and", TagExpression.parse(t[1] + "+" + t[4]));
        queries.put("or", TagExpression.parse(t[2] + " or " + t[9]));
        queries.put("andnot", TagExpression.parse(t[1] + " -" + t[0]));
        return queries;
    }

    /** The questions in H2 with Parley's schema and indexes; close it. */
    record Database(H2Services h2, long siteId) implements AutoCloseable {
        @Override
        public void close() {
            h2.close();
        }
    }

    /**
     * The H2 database of {@code data}, written on first use and kept under {@code -Dbench.cache} (default {@code
     * ~/.cache/parley/bench}) in a file named by the seed, the size, the tag count and a hash of the schema Hibernate
     * makes from the entities: a changed schema or generator parameter writes a new one, an unchanged one is reused
     * across worktrees and runs (1M questions take about ten minutes to write).
     */
    static Database database(SyntheticQuestions data) throws IOException {
        Path dir = cacheDir();
        Files.createDirectories(dir);
        String name = "tags-h2-s" + SEED + "-n" + data.rows.size() + "-t" + data.tagNames.length + "-" + schemaHash();
        Path base = dir.resolve(name);
        Path ready = dir.resolve(name + ".ready");
        // A statement H2 keeps in a session's query cache hands back its previous result while the tables are unchanged
        // (OPTIMIZE_REUSE_RESULTS): the SQL reference timed that, not the query, from its second run on. Without the
        // cache each run prepares and runs anew; an IN subquery is still evaluated once per run, not once per row.
        String url =
                "jdbc:h2:file:" + base + ";CACHE_SIZE=1048576;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=0";
        if (Files.exists(ready)) {
            System.err.println("Bench database: " + base + " (cached)");
            return new Database(
                    new H2Services(url, "none"),
                    Long.parseLong(Files.readString(ready).strip()));
        }
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(base.getFileName() + "."))
                    .toList()) {
                Files.delete(p);
            }
        }
        long started = System.nanoTime();
        H2Services h2 = new H2Services(url, "create");
        long siteId = h2.tx(() -> h2.bean(SiteService.class).ensureSite("bench.localhost", "bench", "Bench", "Bench"))
                .id();
        try (EntityManager em = h2.direct()) {
            em.unwrap(Session.class).doWork(c -> data.insert(c, siteId, 10_000_000L));
        }
        try (EntityManager em = h2.direct()) {
            em.unwrap(Session.class).doWork(c -> c.createStatement().execute("analyze"));
        }
        Files.writeString(ready, Long.toString(siteId));
        System.err.printf(
                "Wrote %d questions to %s in %d s%n",
                data.rows.size(), base, (System.nanoTime() - started) / 1_000_000_000L);
        return new Database(h2, siteId);
    }

    static Path cacheDir() {
        String configured = System.getProperty("bench.cache");
        return configured != null && !configured.isBlank()
                ? Path.of(configured).toAbsolutePath()
                : Path.of(System.getProperty("user.home"), ".cache", "parley", "bench");
    }

    /**
     * The first 12 hex digits of a SHA-256 over the tables, columns and indexes Hibernate creates from the entities
     * (read back from an empty in-memory database's information schema).
     */
    static String schemaHash() {
        StringBuilder schema = new StringBuilder();
        try (H2Services empty = new H2Services();
                EntityManager em = empty.direct()) {
            em.unwrap(Session.class).doWork(c -> {
                try (var s = c.createStatement();
                        var columns = s.executeQuery(
                                "select table_name, column_name, data_type, character_maximum_length, is_nullable"
                                        + " from information_schema.columns where table_schema = 'PUBLIC'"
                                        + " order by table_name, column_name")) {
                    while (columns.next()) {
                        for (int i = 1; i <= 5; i++) {
                            schema.append(columns.getString(i)).append(i == 5 ? '\n' : ' ');
                        }
                    }
                }
                try (var s = c.createStatement();
                        var indexes =
                                s.executeQuery("select i.table_name, i.index_name, c.column_name, c.ordinal_position"
                                        + " from information_schema.indexes i join information_schema.index_columns c"
                                        + " on c.index_schema = i.index_schema and c.index_name = i.index_name"
                                        + " where i.table_schema = 'PUBLIC' order by i.table_name, i.index_name,"
                                        + " c.ordinal_position")) {
                    while (indexes.next()) {
                        for (int i = 1; i <= 4; i++) {
                            schema.append(indexes.getString(i)).append(i == 4 ? '\n' : ' ');
                        }
                    }
                }
            });
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(schema.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the database of {@link #questions()} questions when it is not cached yet; prints where it is. */
    public static void main(String[] args) throws IOException {
        try (Database db = database(generate())) {
            System.out.println("site " + db.siteId());
        }
    }
}
