package org.parley.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A Parley as {@code scripts/run.sh} starts it, for the tests that start, kill and restore whole servers: its own data
 * folder, its ports at {@code offset}, a multicast address of its own, and the EAR of the build in progress. The project's other scripts (backup, restore) run against it with the same settings.
 */
public final class RunShServer {

    private final Path root = Path.of("..").toAbsolutePath().normalize();
    private final Path data;
    private final int offset;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RunShServer(Path data, int offset) {
        this.data = data.toAbsolutePath();
        this.offset = offset;
    }

    public Path data() {
        return data;
    }

    public int port() {
        return 8080 + offset;
    }

    /** The operators' listener (loopback): {@code /bench}, {@code /ops}. */
    public int opsPort() {
        return 9180 + offset;
    }

    public URI base() {
        return URI.create("http://localhost:" + port());
    }

    /** A new, empty data folder that will not import the bundled dump on its first start. */
    public RunShServer fresh() throws IOException {
        deleteTree(data);
        Files.createDirectories(data);
        Files.writeString(data.resolve("bundled-dump-imported"), "skipped by the test\n");
        return this;
    }

    /** Starts it in the background with {@code javaOpts} added, and returns once Parley answers. */
    public void start(String javaOpts) throws IOException, InterruptedException {
        int exit = script("run.sh", javaOpts, "--background");
        assertTrue(exit == 0, "run.sh --background: " + log("run.sh"));
    }

    public void stop() throws IOException, InterruptedException {
        script("run.sh", "", "stop");
    }

    /** Kills the server with {@code kill -9}, as a crash would, and waits until it is gone. */
    public void kill() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(data.resolve("wildfly.pid")).strip());
        new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        Files.deleteIfExists(data.resolve("wildfly.pid"));
    }

    /**
     * Makes sure users {@code bench-user-1} to {@code bench-user-COUNT} exist with {@link SiteUser#PASSWORD}, through the
     * operators' {@code POST /bench/users} (sign-ups are limited per address, which one test client must not loosen).
     */
    public void benchUsers(int count) throws IOException, InterruptedException {
        HttpResponse<String> made = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + opsPort() + "/bench/users"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString("count=" + count + "&password="
                                + URLEncoder.encode(SiteUser.PASSWORD, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, made.statusCode(), "/bench/users: " + made.body());
    }

    /**
     * The private messages' delivery counts ({@code pending}, {@code delivered}, {@code failed}) from {@code GET
     * /api/messages/outbox}, asked as the admin with {@code adminPassword}, which must log in.
     */
    public Map<String, Long> outbox(String adminPassword) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/messages/outbox"))
                        .header("Authorization", basicAdmin(adminPassword))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "the admin's outbox: " + r.body());
        return Map.of(
                "pending", JsonText.num(r.body(), "pending"),
                "delivered", JsonText.num(r.body(), "delivered"),
                "failed", JsonText.num(r.body(), "failed"));
    }

    /**
     * Sends a private message from the admin (password {@code adminPassword}) to {@code to} through {@code POST
     * /api/messages}; returns the HTTP status (202 when it was accepted). {@code body} must need no JSON escaping.
     */
    public int sendMessage(String adminPassword, String to, String body) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create(base() + "/api/messages"))
                                .header("Authorization", basicAdmin(adminPassword))
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"to\":\"" + to + "\",\"body\":\"" + body + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The HTTP Basic {@code Authorization} value of the admin with {@code password}. */
    public static String basicAdmin(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The admin password run.sh made (or a restore put back). */
    public String adminPassword() throws IOException {
        return Files.readString(data.resolve("server/data/parley/admin-password"))
                .strip();
    }

    /**
     * Runs {@code scripts/NAME ARGS} with this server's settings and returns its exit code; its output is in {@link
     * #log(String)}.
     */
    public int script(String name, String javaOpts, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = root.resolve("scripts/" + name).toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PARLEY_DATA", data.toString());
        pb.environment().put("PARLEY_PORT_OFFSET", Integer.toString(offset));
        pb.environment().put("PARLEY_PORT", "8080");
        pb.environment().put("PARLEY_NO_BUILD", "1");
        pb.environment().put("PARLEY_HEAP", "1g");
        pb.environment().put("PARLEY_JAVA_OPTS", javaOpts);
        // An address of its own (the test server's, third octet 1): this server must not join the test server's
        // cluster, which may still run beside it.
        String multicast = System.getProperty("it.multicast.address", "230.0.0.4");
        pb.environment().put("PARLEY_MULTICAST_ADDRESS", multicast.replaceFirst("^(\\d+\\.\\d+)\\.\\d+\\.", "$1.1."));
        pb.redirectErrorStream(true);
        Files.createDirectories(data);
        pb.redirectOutput(logFile(name).toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(400, TimeUnit.SECONDS), name + " took too long");
        return p.exitValue();
    }

    /** What the last run of {@code scripts/NAME} printed. */
    public String log(String name) throws IOException {
        return Files.readString(logFile(name));
    }

    private Path logFile(String name) {
        return data.getParent().resolve(data.getFileName() + "-" + name.replace(".sh", "") + ".log");
    }

    /** The stopped server's H2 database, opened with the H2 driver WildFly ships (same file format). */
    public Connection h2() throws Exception {
        Path home = Path.of(System.getProperty("jboss.home"));
        Path jar;
        try (var files = Files.list(home.resolve("modules/system/layers/base/com/h2database/h2/main"))) {
            jar = files.filter(f -> f.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        URLClassLoader loader =
                new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Driver driver = (Driver) Class.forName("org.h2.Driver", true, loader)
                .getDeclaredConstructor()
                .newInstance();
        Properties credentials = new Properties();
        credentials.setProperty("user", "parley");
        credentials.setProperty("password", "parley");
        return driver.connect("jdbc:h2:" + data.resolve("server/data/parley/parley"), credentials);
    }

    public static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
