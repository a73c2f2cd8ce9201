package org.parley.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A private PostgreSQL (Debian's package, through scripts/lib.sh) on a free loopback port, with throw-away data and
 * the given databases, for unit tests that run Parley's mappings on the cluster's database. Skipped where PostgreSQL
 * is not installed, unless {@code -Dparley.test.postgresql=required} (scripts/test.sh) makes that a failure.
 */
public final class TestPostgres implements AutoCloseable {

    private static final Path LIB =
            Path.of("../scripts/lib.sh").toAbsolutePath().normalize();

    private final Path home;
    private final Path data;
    private final int port;
    private final String password;

    private TestPostgres(Path home, int port, String password) {
        this.home = home;
        this.data = home.resolve("data");
        this.port = port;
        this.password = password;
    }

    /** Starts a server with {@code databases}, owned by user {@code parley}. */
    public static TestPostgres start(String... databases) throws Exception {
        boolean required = "required".equals(System.getProperty("parley.test.postgresql"));
        if (!required) {
            Assumptions.assumeTrue(
                    bash("[ -n \"$(pg_bin)\" ]", false) == 0,
                    "PostgreSQL is not installed (scripts/test.sh installs it and runs this test)");
        }
        Path home = Files.createTempDirectory("parley-pg-test");
        // The server runs as user postgres when the test runs as root: it must reach its data dir.
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        TestPostgres pg =
                new TestPostgres(home, port, UUID.randomUUID().toString().replace("-", ""));
        StringBuilder script = new StringBuilder(String.format(
                "pg_init '%1$s' 'fsync = off' 'full_page_writes = off' && pg_start '%1$s' %2$d '%3$s/server.log'",
                pg.data, port, home));
        for (String database : databases) {
            script.append(String.format(" && pg_database '%s' %d %s parley %s", pg.data, port, database, pg.password));
        }
        if (bash(script.toString(), true) != 0) {
            fail("PostgreSQL did not start; see " + home + "/server.log");
        }
        return pg;
    }

    /** Parley's services on {@code database}, its schema made by Hibernate. */
    public H2Services services(String database) {
        return new H2Services("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "parley", password, "create");
    }

    @Override
    public void close() throws Exception {
        bash(String.format("pg_stop '%s'", data), true);
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Runs {@code script} with scripts/lib.sh sourced; its output goes to this test's output when shown. */
    private static int bash(String script, boolean show) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "source \"$0\" && " + script, LIB.toString());
        pb.redirectErrorStream(true);
        if (show) {
            pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        return pb.start().waitFor();
    }
}
