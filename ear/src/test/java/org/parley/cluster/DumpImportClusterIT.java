package org.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parley.testing.ClusterFixture;
import org.parley.testing.ClusterTest;
import org.parley.testing.DumpImports;
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
    private static final Path DUMP = DumpImports.BUNDLED;

    @Test
    void theBundledDumpImportsIntoPostgresqlByCopyAndBothServersServeIt() throws Exception {
        assertTrue(Files.isDirectory(DUMP), "the bundled dump is at " + DUMP);
        String name = "bmc" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String host = name + ".localhost";
        long start = System.nanoTime();
        DumpImports.Done done = DumpImports.run(
                WEB1, System.getProperty("cluster.it.admin.password"), DUMP, name, host, Duration.ofMinutes(10));
        String id = done.id();
        System.out.printf(
                "cluster import of the bundled dump: completed in %.1f s: %s%n",
                (System.nanoTime() - start) / 1e9, done.status());

        List<String> lines = importLog(id);
        assertTrue(
                lines.stream().anyMatch(l -> l.contains(", Posts.xml: ") && l.contains("by COPY")),
                "a server's log says Posts.xml went by COPY: " + lines);
        assertTrue(
                lines.stream().noneMatch(l -> l.contains("JDBC batches")),
                "and no file went by batches on PostgreSQL: " + lines);

        for (URI server : List.of(WEB1, WEB2)) {
            // The servers listen on 127.0.0.1, which a name under .localhost need not resolve to in Java: the site
            // is named by the Host header (allowed by jdk.httpclient.allowRestrictedHeaders=host, see ear/pom.xml).
            PageClient reader = new PageClient(server);
            reader.setHeader("Host", host + ":" + server.getPort());
            Page question = reader.follow("/questions/1");
            assertEquals(200, question.status(), server + " serves the dump's question 1: " + question);
            Page listing = reader.get("/questions");
            assertEquals(200, listing.status(), listing.toString());
            // The site was new, so any question its listing shows came from the dump (question 1 is too old to be
            // on the first page of newest questions).
            assertTrue(
                    java.util.regex.Pattern.compile("href=\"/questions/\\d+/")
                            .matcher(listing.body())
                            .find(),
                    server + " lists the dump's questions: " + listing);
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
}
