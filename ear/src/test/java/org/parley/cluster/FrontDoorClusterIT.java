package org.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.testing.ClusterFixture;
import org.parley.testing.ClusterTest;
import org.parley.testing.PageClient;
import org.parley.testing.PageClient.Page;

/**
 * HAProxy in front of the cluster, as wildfly-config/haproxy.cfg sets it up: health checks that include the L2
 * cache, the sticky cookie, WebSockets, operator endpoints closed, Server-Timing in the log, the per-IP rate limit.
 */
@ClusterTest
class FrontDoorClusterIT {

    private final URI front = URI.create(System.getProperty("cluster.it.front.url"));

    @Test
    void healthThroughHaproxySaysUpAndTheOperatorsListenerReportsDatabaseBrokerAndCache() throws Exception {
        Page health = new PageClient(front).get("/health");
        assertEquals(200, health.status(), health.body());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
        assertTrue(health.body().contains("\"checks\":{}"), "no details through the front door: " + health.body());

        Page details = new PageClient(ClusterFixture.ops("web1")).get("/health");
        assertEquals(200, details.status(), details.body());
        for (String check : List.of("database", "broker", "cache")) {
            assertTrue(
                    details.body().contains("\"" + check + "\":{\"status\":\"UP\""), check + " in " + details.body());
        }
        // The cache check names the members of the L2 cache: all three servers.
        Matcher members = Pattern.compile("(\\d+) members \\[([^\\]]*)\\]").matcher(details.body());
        assertTrue(members.find(), details.body());
        assertEquals("3", members.group(1), details.body());
        for (String server : List.of("web1", "web2", "work1")) {
            assertTrue(members.group(2).contains(server), server + " in " + members.group(2));
        }
    }

    @Test
    void theStickyCookieKeepsAClientOnOneServerAndNewClientsSpreadOverBoth() throws Exception {
        PageClient client = new PageClient(front);
        String node = node(client.get("/health"));
        assertTrue(node.equals("web1") || node.equals("web2"), "answered by a web server: " + node);
        assertEquals(node, client.cookie("PARLEYSRV"), "the sticky cookie names the server that answered");
        for (int i = 0; i < 5; i++) {
            assertEquals(200, client.get("/questions").status());
            assertEquals(node, client.cookie("PARLEYSRV"), "a page keeps the cookie");
            assertEquals(node, node(client.get("/health")), "the client stays on " + node);
        }
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(node(new PageClient(front).get("/health")));
        }
        assertTrue(nodes.contains("web1") && nodes.contains("web2"), "new clients go to both web servers: " + nodes);
    }

    @Test
    void aWebSocketHandshakeGoesThroughHaproxy() throws Exception {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        try (Socket socket = new Socket("127.0.0.1", ClusterFixture.frontPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /push/notifications HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                            + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                            + "Origin: http://localhost:" + ClusterFixture.frontPort() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(socket.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 101"), "switching protocols through HAProxy: " + head);
            String expected = Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-1")
                            .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                                    .getBytes(StandardCharsets.US_ASCII)));
            assertTrue(head.toLowerCase().contains("sec-websocket-accept: " + expected.toLowerCase()), head);
        }
    }

    @Test
    void theFrontDoorSpeaksHttp2OverTlsWithHstsAndSecureCookies() throws Exception {
        // The certificate is cluster.sh's own self-signed one: trusted here as it is, the way an operator trusts it.
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(
                null,
                new javax.net.ssl.TrustManager[] {
                    new javax.net.ssl.X509TrustManager() {
                        @Override
                        public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}

                        @Override
                        public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}

                        @Override
                        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                            return new java.security.cert.X509Certificate[0];
                        }
                    }
                },
                null);
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .sslContext(tls)
                .version(java.net.http.HttpClient.Version.HTTP_2)
                .build();
        java.net.http.HttpResponse<String> page = client.send(
                java.net.http.HttpRequest.newBuilder(ClusterFixture.frontTls().resolve("/questions"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertEquals(java.net.http.HttpClient.Version.HTTP_2, page.version(), "HTTP/2 over TLS");
        assertTrue(
                page.headers()
                        .firstValue("Strict-Transport-Security")
                        .orElse("")
                        .startsWith("max-age=31536000"),
                page.headers().toString());

        java.net.http.HttpResponse<String> login = client.send(
                java.net.http.HttpRequest.newBuilder(ClusterFixture.frontTls().resolve("/users/login"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("JSESSIONID=")), cookies.toString());
        for (String cookie : cookies) {
            if (cookie.startsWith("JSESSIONID=")) {
                assertTrue(cookie.contains("; Secure"), "the session cookie is Secure over TLS: " + cookie);
            }
        }
        // Over plain http (this test run's other clients) the cookie cannot be Secure, and there is no HSTS.
        java.net.http.HttpResponse<String> plain = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(front.resolve("/questions"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(
                plain.headers().firstValue("Strict-Transport-Security").isEmpty(),
                plain.headers().toString());
    }

    @Test
    void noSecretIsOnAnyCommandLine() throws Exception {
        // `ps` shows every process's command line to every user of the machine.
        for (String secret : List.of("cluster-password", "admin-password", "db-password")) {
            String value = Files.readString(ClusterFixture.data().resolve("secrets/" + secret))
                    .strip();
            assertTrue(value.length() >= 8, secret);
            ProcessHandle.allProcesses()
                    .map(p -> p.info().commandLine().orElse(""))
                    .filter(line -> line.contains(value))
                    .findFirst()
                    .ifPresent(line -> fail("the " + secret + " is on a command line: " + line));
        }
    }

    @Test
    void benchmarkAndMetricsEndpointsAnswerOnlyOnTheOperatorsListener() throws Exception {
        // /bench/limit copies a page from the output cache: web1 renders /questions for an anonymous visitor first.
        PageClient direct = new PageClient(ClusterFixture.server("web1"));
        assertEquals(200, direct.get("/questions").status());
        PageClient ops = new PageClient(ClusterFixture.ops("web1"));
        assertEquals(200, ops.get("/metrics/cache").status(), "web1's operators' listener answers /metrics/cache");
        assertEquals(200, ops.get("/bench/limit?path=/questions").status(), "and /bench/limit");

        // Behind HAProxy every caller is on loopback: the public listener answers none of them, whatever the path.
        for (String path :
                List.of("/metrics/cache", "/bench/limit?path=/questions", "/bench/limit;x?path=/questions")) {
            assertEquals(404, rawStatus(ClusterFixture.server("web1"), path), "web1's public listener refuses " + path);
        }

        // At the front door, HAProxy refuses them as the servers would read the path (sent as written: an HTTP client
        // library would resolve the dot segments and take //bench for a host).
        for (String path : List.of(
                "/metrics/cache",
                "/bench/limit?path=/questions",
                "/metrics",
                "/bench",
                "/%62ench/limit?path=/questions",
                "/%6Detrics/cache",
                "/bench;x/limit?path=/questions",
                "/bench/limit;jsessionid=x?path=/questions",
                "//bench/limit?path=/questions",
                "/BENCH/limit?path=/questions")) {
            assertEquals(403, rawStatus(front, path), "HAProxy denies " + path);
        }
        for (String path :
                List.of("/x/../bench/limit?path=/questions", "/./metrics/cache", "/x/%2e%2e/metrics/cache")) {
            assertEquals(400, rawStatus(front, path), "HAProxy refuses the dot segments of " + path);
        }
        assertEquals(200, rawStatus(front, "/questions"), "and lets pages through");
    }

    /** The status of a GET of {@code path} exactly as written, on a connection of its own. */
    private static int rawStatus(URI base, String path) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + base.getPort()
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(
                            new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertNotNull(status, "no answer to " + path);
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void serverTimingValuesAppearInHaproxysLogLine() throws Exception {
        // A page rendered every time (a filtered tag list is never stored), under a URL no other request has.
        String marker = "/tags?filter=timing" + System.nanoTime();
        Page page = new PageClient(front).get(marker);
        assertEquals(200, page.status());
        String line = waitForLogLine(ClusterFixture.haproxyLog(), marker);
        assertTrue(
                line.contains("sql;dur=") && line.contains("cache;dur=") && line.contains("total;dur="),
                "Server-Timing in the log line: " + line);
        assertTrue(line.contains("parley/web1") || line.contains("parley/web2"), "the line names the server: " + line);
    }

    @Test
    void aClientOverTheRateLimitGets429AndOthersDoNot() throws Exception {
        // Another client address (127.0.0.2) over the limit, 8 connections at once so that a slow machine still sends
        // more than the limit within 10 s; 127.0.0.1 (this test's other clients) is not affected.
        int limit = ClusterFixture.RATE_LIMIT;
        AtomicBoolean limited = new AtomicBoolean();
        ExecutorService flood = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            flood.submit(() -> {
                for (int i = 0; i < limit && !limited.get(); i++) {
                    if (statusFrom("127.0.0.2", "/health") == 429) {
                        limited.set(true);
                    }
                }
                return null;
            });
        }
        flood.shutdown();
        assertTrue(flood.awaitTermination(180, TimeUnit.SECONDS), "the flood ends");
        assertTrue(limited.get(), "HAProxy answers 429 to a client over " + limit + " requests in 10 s");
        assertNotEquals(429, new PageClient(front).get("/health").status(), "another client is served");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    static String node(Page health) {
        Matcher m = Pattern.compile("\"node\":\"([^\"]+)\"").matcher(health.body());
        return m.find() ? m.group(1) : "?";
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    /** One GET over a fresh connection from {@code localAddress}; the status code. */
    private static int statusFrom(String localAddress, String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", ClusterFixture.frontPort()), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    static String waitForLogLine(Path log, String text) throws Exception {
        for (int i = 0; i < 50; i++) {
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                Collections.reverse(lines);
                for (String line : lines) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no line with " + text + " in " + log);
    }
}
