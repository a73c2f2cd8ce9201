package org.parley.dump.importer;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.parley.dump.DumpFile;
import org.parley.dump.DumpReader;
import org.parley.dump.DumpRow;
import org.parley.markdown.MarkdownRenderer;
import org.parley.site.SiteService;
import org.parley.tagwiki.TagWikiService;
import org.parley.testing.H2Services;

/**
 * Runs the importer's row writers and set-based steps the way the batch job does (read ahead, chunks of
 * {@link ImportJob#CHUNK} rows, one transaction each), without a container, on {@link H2Services}' in-memory database.
 */
final class ImportHarness implements AutoCloseable {

    final H2Services services;
    final DumpDatabase db;

    ImportHarness() {
        this(new H2Services());
    }

    /** On {@code services}' database, e.g. a file database as the server has ({@link ImportSpeedProbe}). */
    ImportHarness(H2Services services) {
        this(services, true);
    }

    /** On {@code services}' database; {@code copy} false keeps PostgreSQL on JDBC batches ({@link DumpDatabase}). */
    ImportHarness(H2Services services, boolean copy) {
        this.services = services;
        SessionFactoryImplementor sf = services.factory().unwrap(SessionFactoryImplementor.class);
        ConnectionProvider connections = sf.getServiceRegistry().getService(ConnectionProvider.class);
        db = new DumpDatabase(
                dataSource(connections),
                sf.getJdbcServices().getDialect(),
                copy && !"batches".equals(System.getProperty(DumpDatabase.POSTGRESQL_WRITES)));
        // The container's datasource for the import's beans (ImportLedger, ImportService, ...).
        services.provide(DumpDatabase.class, db);
    }

    long site(String host) {
        String name = host.substring(0, host.indexOf('.'));
        return services.tx(() -> services.bean(SiteService.class).ensureSite(host, name, name, null))
                .id();
    }

    /** Imports every file of {@code dir} into the site (none for a file it lacks); returns each file's tally. */
    Map<DumpFile, Tally> importDir(Path dir, long siteId) throws SQLException, InterruptedException {
        return importDir(dir, siteId, file -> {});
    }

    /**
     * Like {@link #importDir(Path, long)}, running {@code beforeFile} before each file's first chunk: what the site's
     * users may do between two chunks of a running import.
     *
     * <p>In the job's order (se-import.xml): users, tags and posts one after the other, then the link step ({@link
     * LinkBatchlet}: the first-answer times), then comments, votes, badges, history and links side by side, one thread
     * and one connection each as the job's split runs its flows ({@code beforeFile} runs for each of those five before
     * the split starts), then the site's counters.
     */
    Map<DumpFile, Tally> importDir(Path dir, long siteId, java.util.function.Consumer<DumpFile> beforeFile)
            throws SQLException, InterruptedException {
        ImportContext ctx = new ImportContext(siteId, db, MarkdownRenderer.shared());
        Map<DumpFile, Tally> tallies = new java.util.concurrent.ConcurrentHashMap<>();
        boolean timings = Boolean.getBoolean("parley.import.timings");
        try (Connection c = open()) {
            for (DumpFile file : List.of(DumpFile.USERS, DumpFile.TAGS, DumpFile.POSTS)) {
                beforeFile.accept(file);
                tallies.put(file, importFile(c, dir, file, ctx));
            }
            Tally posts = tallies.get(DumpFile.POSTS);
            if (posts.pendingLinks > 0) {
                posts.notes.put("accepted answer not in the dump", posts.pendingLinks); // as LinkBatchlet counts
            }
            long linkStart = System.nanoTime();
            try (PreparedStatement st = c.prepareStatement(LinkBatchlet.FIRST_ANSWERS)) {
                st.setLong(1, siteId);
                st.executeUpdate();
            }
            c.commit();
            if (timings) {
                System.out.printf("link step: %d ms%n", (System.nanoTime() - linkStart) / 1_000_000);
            }
            List<DumpFile> split = List.of(
                    DumpFile.COMMENTS, DumpFile.VOTES, DumpFile.BADGES, DumpFile.POST_HISTORY, DumpFile.POST_LINKS);
            split.forEach(beforeFile);
            long splitStart = System.nanoTime();
            java.util.concurrent.ExecutorService flows =
                    java.util.concurrent.Executors.newFixedThreadPool(split.size());
            try {
                List<java.util.concurrent.Future<Tally>> running = new ArrayList<>();
                for (DumpFile file : split) {
                    running.add(flows.submit(() -> {
                        try (Connection fc = open()) {
                            return importFile(fc, dir, file, ctx);
                        }
                    }));
                }
                for (int i = 0; i < split.size(); i++) {
                    try {
                        tallies.put(split.get(i), running.get(i).get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (e.getCause() instanceof SQLException sql) {
                            throw sql;
                        }
                        throw new IllegalStateException(e.getCause());
                    }
                }
            } finally {
                flows.shutdownNow();
            }
            if (timings) {
                System.out.printf("side by side (%s): %d ms%n", split, (System.nanoTime() - splitStart) / 1_000_000);
            }
            ImportSteps.finishSite(c, siteId);
            c.commit();
            // As FinishBatchlet does: the tags get the dump's wikis.
            TagWikiImport.run(
                    c,
                    siteId,
                    chunk -> services.tx(
                            () -> services.bean(TagWikiService.class).importWikis(siteId, chunk)));
            c.commit();
        }
        return new EnumMap<>(tallies);
    }

    /** A connection as each of the job's steps has one: the probe's settings applied, not auto-committing. */
    private Connection open() throws SQLException {
        Connection c = db.connection();
        String lobs = System.getProperty("parley.h2.inplace.lob");
        if (lobs != null) {
            try (var st = c.createStatement()) {
                st.execute("SET MAX_LENGTH_INPLACE_LOB " + lobs);
            }
        }
        String sql = System.getProperty("parley.import.sql"); // statements to try before importing, ';'-separated
        if (sql != null) {
            try (var st = c.createStatement()) {
                for (String statement : sql.split(";")) {
                    st.execute(statement);
                }
            }
        }
        c.setAutoCommit(false);
        return c;
    }

    /** One file's step on {@code c}: read ahead, chunks of {@link ImportJob#CHUNK} rows, a transaction each. */
    private Tally importFile(Connection c, Path dir, DumpFile file, ImportContext ctx) throws SQLException {
        Tally total = new Tally();
        if (!java.nio.file.Files.exists(dir.resolve(file.fileName()))) {
            return total; // as the job's step reads nothing of a file the folder lacks
        }
        long fileStart = System.nanoTime();
        long fileCpu = cpu.getCurrentThreadCpuTime();
        long[] nanos = new long[2]; // writing, committing
        RowImporter<?> importer = RowImporter.forFile(file, ctx);
        try (ReadAhead reader =
                new ReadAhead(DumpReader.open(dir, file), importer::prepare, Thread::new, 2 * ImportJob.CHUNK)) {
            List<DumpRow> chunk = new ArrayList<>();
            ReadAhead.Item item;
            while ((item = reader.next()) != null) {
                chunk.add(item.row());
                if (chunk.size() == ImportJob.CHUNK) {
                    write(c, importer, chunk, total, nanos);
                }
            }
            write(c, importer, chunk, total, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
        if (Boolean.getBoolean("parley.import.timings")) {
            System.out.printf(
                    "%s: %d rows in %d ms (write %d ms, commit %d ms; CPU of the writing thread %d ms)%n",
                    file.fileName(),
                    total.read,
                    (System.nanoTime() - fileStart) / 1_000_000,
                    nanos[0] / 1_000_000,
                    nanos[1] / 1_000_000,
                    (cpu.getCurrentThreadCpuTime() - fileCpu) / 1_000_000);
        }
        return total;
    }

    private static final java.lang.management.ThreadMXBean cpu =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static void write(Connection c, RowImporter<?> importer, List<DumpRow> chunk, Tally total, long[] nanos)
            throws SQLException {
        if (chunk.isEmpty()) {
            return;
        }
        Tally t = new Tally();
        t.read = chunk.size();
        long t0 = System.nanoTime();
        importer.write(c, chunk, t);
        long t1 = System.nanoTime();
        c.commit();
        nanos[0] += t1 - t0;
        nanos[1] += System.nanoTime() - t1;
        total.read += t.read;
        total.imported += t.imported;
        total.pendingLinks += t.pendingLinks;
        t.skipped.forEach((k, v) -> total.skipped.merge(k, v, Long::sum));
        t.notes.forEach((k, v) -> total.notes.merge(k, v, Long::sum));
        chunk.clear();
    }

    long count(String sql, Object... params) throws SQLException {
        try (Connection c = db.connection();
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        services.close();
    }

    private static DataSource dataSource(ConnectionProvider connections) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection c = connections.getConnection();
                return (Connection) java.lang.reflect.Proxy.newProxyInstance(
                        Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
                            if (m.getName().equals("close")) {
                                if (!c.getAutoCommit()) {
                                    c.rollback();
                                    c.setAutoCommit(true);
                                }
                                connections.closeConnection(c);
                                return null;
                            }
                            try {
                                return m.invoke(c, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {}

            @Override
            public void setLoginTimeout(int seconds) {}

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> iface) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }
}
