package org.parley.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.testing.JsonText.num;
import static org.parley.testing.JsonText.str;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.dump.generate.DumpGenerator;
import org.parley.testing.RunShServer;

/**
 * An import survives {@code kill -9} of the server: a Parley started with {@code scripts/run.sh} (own data folder and
 * ports: the test server's offset + 50) imports a generated dump, is killed half-way, is started again, resumes the
 * import from its last checkpoint by itself, and ends with every row imported exactly once — the ledger says so, and
 * an export of the site has exactly the generated rows.
 */
class ImportKillRestartIT {

    static final int QUESTIONS = 6000;

    final RunShServer server =
            new RunShServer(Path.of("target/kill-restart-it"), Integer.getInteger("it.port.offset", 2300) + 50);
    final Path data = server.data();
    final int port = server.port();
    String password;

    @Test
    void anImportKilledHalfWayResumesAndImportsEveryRowOnce() throws Exception {
        server.fresh();
        // Under the roots run.sh gives the server: its data folder's imports and exports (DumpFolders).
        Path dump = data.resolve("imports/dump");
        DumpGenerator.Stats generated = new DumpGenerator(QUESTIONS, 11).write(dump);
        try {
            server.start("");
            password = server.adminPassword();
            Reply started =
                    call("POST", "/api/imports", "dir=" + enc(dump.toString()) + "&site=killed&host=killed.localhost");
            assertEquals(202, started.status, started.body);
            long id = num(started.body, "id");

            String before = null;
            for (int i = 0; i < 1200; i++) {
                before = call("GET", "/api/imports/" + id, null).body;
                long done = num(before, "rowsDone");
                long total = num(before, "rowsTotal");
                if (total > 0 && done > total / 10) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals("RUNNING", str(before, "status"), "killed while running: " + before);
            server.kill();

            server.start("");
            String after = null;
            for (int i = 0; i < 1800; i++) {
                after = call("GET", "/api/imports/" + id, null).body;
                if (!str(after, "status").equals("RUNNING")
                        && !str(after, "status").equals("QUEUED")) {
                    break;
                }
                Thread.sleep(500);
            }
            assertEquals("COMPLETED", str(after, "status"), after);
            // JSON-B writes the files' properties in alphabetical order, each object starting with "file".
            String[] files = after.split("\\{\"file\":");
            assertEquals(9, files.length, after);
            for (int i = 1; i < files.length; i++) {
                String f = files[i];
                String name = f.substring(1, f.indexOf('"', 1));
                long rows = generated.rows().entrySet().stream()
                        .filter(e -> e.getKey().fileName().equals(name))
                        .findFirst()
                        .orElseThrow()
                        .getValue();
                assertEquals(rows, num(f, "read"), name + ": " + f);
                assertEquals(rows, num(f, "imported"), "exactly once: " + name + ": " + f);
            }

            Path out = data.resolve("exports/export");
            Reply export = call("POST", "/api/exports", "site=killed&out=" + enc(out.toString()));
            assertEquals(202, export.status, export.body);
            long exportId = num(export.body, "id");
            for (int i = 0; i < 600; i++) {
                String s = str(call("GET", "/api/exports/" + exportId, null).body, "status");
                if (s.equals("COMPLETED") || s.equals("FAILED")) {
                    assertEquals("COMPLETED", s);
                    break;
                }
                Thread.sleep(500);
            }
            for (Map.Entry<org.parley.dump.DumpFile, Long> e : generated.rows().entrySet()) {
                long rows;
                try (var lines = Files.lines(out.resolve(e.getKey().fileName()))) {
                    rows = lines.filter(l -> l.startsWith("  <row ")).count();
                }
                assertEquals(e.getValue(), rows, e.getKey().fileName() + " rows in the database after the restart");
            }
        } finally {
            server.stop();
        }
    }

    record Reply(int status, String body) {}

    private Reply call(String method, String path, String form) throws IOException {
        // "localhost": the API answers on the default site, which requests pick by host name.
        HttpURLConnection c = (HttpURLConnection)
                URI.create("http://localhost:" + port + path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setRequestProperty(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        c.setConnectTimeout(5000);
        c.setReadTimeout(60000);
        if (form != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            try (OutputStream out = c.getOutputStream()) {
                out.write(form.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        return new Reply(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
