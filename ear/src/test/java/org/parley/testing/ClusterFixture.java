package org.parley.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts Parley's cluster once per test run ({@code scripts/cluster.sh up} with this run's port offset and multicast
 * address, on loopback) before the first {@link ClusterTest} class and stops it ({@code scripts/cluster.sh down})
 * when the run ends: the cluster is a value in the root extension store, which JUnit closes last. If starting fails,
 * every cluster test class fails with that error instead of trying again.
 *
 * <p>Once it is up, these system properties tell tests where it is:
 *
 * <ul>
 *   <li>{@code cluster.it.front.url}: HAProxy, e.g. {@code http://localhost:11980/}
 *   <li>{@code cluster.it.web1.url}, {@code cluster.it.web2.url}, {@code cluster.it.work1.url}: each server directly
 *   <li>{@code cluster.it.admin.password}: Parley's {@code admin} user (and the WildFly console's)
 *   <li>{@code cluster.it.data}: the cluster's data folder ({@code haproxy/haproxy.log}, {@code domain/servers/NAME/log})
 * </ul>
 *
 * Settings (system properties, from the ear pom): {@code cluster.it.offset} (ports, as {@code PARLEY_CLUSTER_OFFSET}),
 * {@code cluster.it.multicast.address}, {@code cluster.it.data}, {@code parley.root}. With {@code
 * -Dcluster.it.keep=true} the fixture reuses a cluster that is already running on those settings, as it is (its data,
 * the EAR it runs), and leaves it running at the end, for working on a cluster test without waiting minutes for each
 * start.
 */
public final class ClusterFixture implements BeforeAllCallback {

    /** Requests per client IP in 10 s before HAProxy answers 429; tests' loads stay well below. */
    public static final int RATE_LIMIT = 300;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClusterFixture.class);
    private static final Path ROOT =
            Path.of(System.getProperty("parley.root", "..")).toAbsolutePath().normalize();
    private static final Path DATA = Path.of(System.getProperty("cluster.it.data", "target/cluster-it"))
            .toAbsolutePath()
            .normalize();
    private static final int OFFSET = Integer.getInteger("cluster.it.offset", 2300);
    private static final boolean KEEP = Boolean.getBoolean("cluster.it.keep");

    @Override
    public void beforeAll(ExtensionContext context) {
        Running running = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
        if (running.failure != null) {
            throw new IllegalStateException("the cluster did not start; see " + log(), running.failure);
        }
    }

    /** HAProxy's port: 7980 + offset. */
    public static int frontPort() {
        return 7980 + OFFSET;
    }

    /** HAProxy's TLS front door (HTTP/2 and HTTP/1.1): the HTTP port + 3, as scripts/cluster.sh sets it. */
    public static URI frontTls() {
        return URI.create("https://localhost:" + (frontPort() + 3) + "/");
    }

    /** HAProxy, where browsers go. */
    public static URI front() {
        return URI.create("http://localhost:" + frontPort() + "/");
    }

    /** One server directly (web1, web2 or work1), bypassing HAProxy. */
    public static URI server(String name) {
        return URI.create("http://localhost:" + (8080 + OFFSET + serverOffset(name)) + "/");
    }

    /**
     * One server's operators' listener (web1, web2 or work1): loopback, 9180 + its offset, where {@code /bench},
     * {@code /metrics} and {@code /health}'s details answer.
     */
    public static URI ops(String name) {
        return URI.create("http://localhost:" + (9180 + OFFSET + serverOffset(name)) + "/");
    }

    private static int serverOffset(String name) {
        return switch (name) {
            case "web1" -> 100;
            case "web2" -> 200;
            case "work1" -> 300;
            default -> throw new IllegalArgumentException("no server " + name);
        };
    }

    /** The cluster's data folder. */
    public static Path data() {
        return DATA;
    }

    /** HAProxy's log: one line per request. */
    public static Path haproxyLog() {
        return DATA.resolve("haproxy/haproxy.log");
    }

    /** Where the output of every {@code cluster.sh} command of the run goes. */
    public static Path log() {
        return DATA.resolveSibling("cluster-it.log");
    }

    /**
     * Runs {@code scripts/cluster.sh ARGS} (e.g. {@code kill web1}, {@code restart web1}) for the run's cluster;
     * fails when it fails or takes longer than {@code timeoutSeconds}.
     */
    public static void cluster(int timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of("bash", ROOT.resolve("scripts/cluster.sh").toString()));
        command.addAll(List.of(args));
        Files.createDirectories(DATA.getParent());
        // Its output goes to a log file: the test JVM's own stdout is the build's channel to Maven.
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        Map<String, String> env = pb.environment();
        env.put("PARLEY_CLUSTER_DATA", DATA.toString());
        env.put("PARLEY_CLUSTER_OFFSET", String.valueOf(OFFSET));
        env.put("PARLEY_MULTICAST_ADDRESS", System.getProperty("cluster.it.multicast.address", "230.0.0.77"));
        env.put("PARLEY_RATE_LIMIT", String.valueOf(RATE_LIMIT));
        // Every test user signs up from this machine's address.
        env.put("PARLEY_SIGNUPS_FREE", "1000000");
        env.put("PARLEY_SEED", "false");
        // The real search node, so that the servers search one shared index as in production (MessageSearchClusterIT).
        env.put("PARLEY_SEARCH", "true");
        env.put("PARLEY_SERVER_HEAP", "768m");
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            throw new IllegalStateException(
                    "cluster.sh " + String.join(" ", args) + " took over " + timeoutSeconds + " s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(
                    "cluster.sh " + String.join(" ", args) + " exited with " + p.exitValue() + "; see " + log());
        }
    }

    /** True when {@code cluster.sh status} says every part is up (as it is, untouched, with the EAR it runs). */
    private static boolean isUp() {
        try {
            cluster(120, "status");
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The running cluster, stopped when JUnit closes the root store at the end of the run. */
    static final class Running implements AutoCloseable {
        private final Exception failure;
        private final Thread hook = new Thread(Running::stop, "cluster-down");

        private Running(Exception failure) {
            this.failure = failure;
        }

        static Running start() {
            long started = System.nanoTime();
            try {
                if (!KEEP) {
                    cluster(180, "down"); // whatever an interrupted earlier run left
                    deleteTree(DATA);
                }
                Files.createDirectories(DATA);
                Running running = new Running(null);
                // Stopped also when the test JVM is told to end (Failsafe's timeout, Ctrl-C), not only at the end of
                // the run.
                Runtime.getRuntime().addShutdownHook(running.hook);
                if (!KEEP || !isUp()) {
                    cluster(1200, "up");
                }
                System.setProperty("cluster.it.front.url", front().toString());
                System.setProperty("cluster.it.web1.url", server("web1").toString());
                System.setProperty("cluster.it.web2.url", server("web2").toString());
                System.setProperty("cluster.it.work1.url", server("work1").toString());
                System.setProperty(
                        "cluster.it.admin.password",
                        Files.readString(DATA.resolve("secrets/admin-password")).trim());
                System.setProperty("cluster.it.data", DATA.toString());
                System.out.printf("Cluster up in %.0f s: %s%n", (System.nanoTime() - started) / 1e9, front());
                return running;
            } catch (Exception e) {
                return new Running(e);
            }
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // shutting down already, or never registered
            }
            stop();
        }

        private static void stop() {
            if (KEEP) {
                return;
            }
            try {
                cluster(300, "down");
            } catch (Exception e) {
                System.err.println("Stopping the cluster failed: " + e.getMessage() + "; see " + log());
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Collections.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
