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
     */
    Map<DumpFile, Tally> importDir(Path dir, long siteId, java.util.function.Consumer<DumpFile> beforeFile)
            throws SQLException, InterruptedException {
        ImportContext ctx = new ImportContext(siteId, db, MarkdownRenderer.shared());
        Map<DumpFile, Tally> tallies = new EnumMap<>(DumpFile.class);
        try (Connection c = db.connection()) {
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
            for (DumpFile file : DumpFile.values()) {
                Tally total = new Tally();
                beforeFile.accept(file);
                if (!java.nio.file.Files.exists(dir.resolve(file.fileName()))) {
                    tallies.put(file, total); // as the job's step reads nothing of a file the folder lacks
                    continue;
                }
                long fileStart = System.nanoTime();
                long fileCpu = cpu.getCurrentThreadCpuTime();
                RowImporter<?> importer = RowImporter.forFile(file, ctx);
                try (ReadAhead reader = new ReadAhead(
                        DumpReader.open(dir, file), importer::prepare, Thread::new, 2 * ImportJob.CHUNK)) {
                    List<DumpRow> chunk = new ArrayList<>();
                    ReadAhead.Item item;
                    while ((item = reader.next()) != null) {
                        chunk.add(item.row());
                        if (chunk.size() == ImportJob.CHUNK) {
                            write(c, importer, chunk, total);
                        }
                    }
                    write(c, importer, chunk, total);
                }
                tallies.put(file, total);
                if (Boolean.getBoolean("parley.import.timings")) {
                    System.out.printf(
                            "%s: %d rows in %d ms (write %d ms, commit %d ms; CPU of the writing thread %d ms)%n",
                            file.fileName(),
                            total.read,
                            (System.nanoTime() - fileStart) / 1_000_000,
                            writeNanos / 1_000_000,
                            commitNanos / 1_000_000,
                            (cpu.getCurrentThreadCpuTime() - fileCpu) / 1_000_000);
                    writeNanos = 0;
                    commitNanos = 0;
                }
                if (file == DumpFile.POSTS && total.pendingLinks > 0) {
                    total.notes.put("accepted answer not in the dump", total.pendingLinks); // as LinkBatchlet counts
                }
            }
            ImportSteps.finishSite(c, siteId);
            c.commit();
        }
        return tallies;
    }

    private static final java.lang.management.ThreadMXBean cpu =
            java.lang.management.ManagementFactory.getThreadMXBean();
    static long writeNanos;
    static long commitNanos;

    private static void write(Connection c, RowImporter<?> importer, List<DumpRow> chunk, Tally total)
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
        writeNanos += t1 - t0;
        commitNanos += System.nanoTime() - t1;
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
