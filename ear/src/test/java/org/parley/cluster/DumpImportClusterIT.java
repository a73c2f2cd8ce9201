package org.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parley.testing.ClusterFixture;
import org.parley.testing.ClusterTest;
import org.parley.testing.PageClient;
import org.parley.testing.PageClient.Page;

/**
 * The dump import as the cluster runs it: the job inside WildFly, on PostgreSQL, writing with the driver's COPY through
 * the server's pooled (wrapped) connections and the {@code org.postgresql} module. The bundled Stack Exchange dump is
 * imported through web1's API; the job must complete, the servers' log must say Posts.xml was written by COPY (not the
 * JDBC batches H2 gets), and both web servers must serve the imported questions.
 */
@ClusterTest
class DumpImportClusterIT {

    private static final URI WEB1 = ClusterFixture.server("web1");
    private static final URI WEB2 = ClusterFixture.server("web2");
    private static final Path DUMP = Path.of("../../shared/data/se-dump/bicycles.meta.stackexchange.com")
            .toAbsolutePath()
            .normalize();

    @Test
    void theBundledDumpImportsIntoPostgresqlByCopyAndBothServersServeIt() throws Exception {
        assertTrue(Files.isDirectory(DUMP), "the bundled dump is at " + DUMP);
        String name = "bmc" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String host = name + ".localhost";
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic "
                + Base64.getEncoder()
                        .encodeToString(("admin:" + System.getProperty("cluster.it.admin.password"))
                                .getBytes(StandardCharsets.UTF_8));
        String form =
                "dir=" + URLEncoder.encode(DUMP.toString(), StandardCharsets.UTF_8) + "&site=" + name + "&host=" + host;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        HttpResponse<String> started;
        while (true) {
            started = http.send(
                    HttpRequest.newBuilder(WEB1.resolve("/api/imports"))
                            .header("Authorization", auth)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 409 || System.nanoTime() > deadline) {
                break; // 409: another import runs; one at a time
            }
            Thread.sleep(2_000);
        }
        assertEquals(202, started.statusCode(), started.body());
        String id = field(started.body(), "id");
        long start = System.nanoTime();
        String status;
        while (true) {
            status = http.send(
                            HttpRequest.newBuilder(WEB1.resolve("/api/imports/" + id))
                                    .header("Authorization", auth)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            String state = field(status, "status");
            if (state.equals("COMPLETED")) {
                break;
            }
            assertFalse(state.equals("FAILED") || state.equals("ABANDONED"), status);
            assertTrue(System.nanoTime() < deadline, "the import took too long: " + status);
            Thread.sleep(1_000);
        }
        System.out.printf(
                "cluster import of the bundled dump: completed in %.1f s: %s%n",
                (System.nanoTime() - start) / 1e9, status);

        List<String> lines = importLog(id);
        assertTrue(
                lines.stream().anyMatch(l -> l.contains(", Posts.xml: ") && l.contains("by COPY")),
                "a server's log says Posts.xml went by COPY: " + lines);
        assertTrue(
                lines.stream().noneMatch(l -> l.contains("JDBC batches")),
                "and no file went by batches on PostgreSQL: " + lines);

        for (URI server : List.of(WEB1, WEB2)) {
            PageClient reader = new PageClient(URI.create("http://" + host + ":" + server.getPort()));
            Page question = reader.follow("/questions/1");
            assertEquals(200, question.status(), server + " serves the dump's question 1: " + question);
            Page listing = reader.get("/questions");
            assertEquals(200, listing.status(), listing.toString());
            assertTrue(listing.body().contains("/questions/1/"), server + " lists the dump's questions");
        }
    }

    /** The lines of every server's log about import {@code id}'s files. */
    private static List<String> importLog(String id) throws Exception {
        List<String> found = new ArrayList<>();
        Path servers = ClusterFixture.data().resolve("domain/servers");
        try (Stream<Path> logs = Files.list(servers)) {
            for (Path log : logs.map(s -> s.resolve("log/server.log"))
                    .filter(Files::isRegularFile)
                    .toList()) {
                try (Stream<String> l = Files.lines(log, StandardCharsets.UTF_8)) {
                    l.filter(x -> x.contains("Import " + id + ", ") && x.contains(".xml: "))
                            .forEach(found::add);
                }
            }
        }
        return found;
    }

    /** A top-level number or string field of the API's JSON. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }
}
