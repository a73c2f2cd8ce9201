package org.parley.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports a dump folder through Parley's import API ({@code POST /api/imports}, then its status until the job ends)
 * as the server admin, the way {@code scripts/import.sh} does; fails the test when the import is refused or fails.
 */
public final class DumpImports {

    /** The Stack Exchange dump that ships beside the project (bicycles.meta: questions 1, 2 and 7 among others). */
    public static final Path BUNDLED = Path.of("../../shared/data/se-dump/bicycles.meta.stackexchange.com")
            .toAbsolutePath()
            .normalize();

    private DumpImports() {}

    /** A finished import: its id and the status API's last answer (JSON, with each file's counts). */
    public record Done(String id, String status) {}

    /**
     * Imports {@code dir} into site {@code site} at {@code host} (created if new) through {@code base}, as user admin
     * with {@code adminPassword}; waits while another import runs (one at a time), then until this one completed.
     */
    public static Done run(URI base, String adminPassword, Path dir, String site, String host, Duration timeout)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
        String form =
                "dir=" + URLEncoder.encode(dir.toString(), StandardCharsets.UTF_8) + "&site=" + site + "&host=" + host;
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> started;
        while (true) {
            started = http.send(
                    HttpRequest.newBuilder(base.resolve("/api/imports"))
                            .header("Authorization", auth)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            // 409: another import runs (one a previous run left is resumed when the server starts); wait for it.
            if (started.statusCode() != 409 || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(2_000);
        }
        assertEquals(202, started.statusCode(), started.body());
        String id = field(started.body(), "id");
        while (true) {
            String status = http.send(
                            HttpRequest.newBuilder(base.resolve("/api/imports/" + id))
                                    .header("Authorization", auth)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            String state = field(status, "status");
            if (state.equals("COMPLETED")) {
                return new Done(id, status);
            }
            assertFalse(state.equals("FAILED") || state.equals("ABANDONED"), status);
            assertTrue(System.nanoTime() < deadline, "the import took too long: " + status);
            Thread.sleep(1_000);
        }
    }

    /** A top-level number or string field of the API's JSON (no JSON provider on the test's class path). */
    public static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }
}
