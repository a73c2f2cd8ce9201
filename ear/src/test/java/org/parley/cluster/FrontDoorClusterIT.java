package org.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void healthThroughHaproxyReportsDatabaseBrokerAndCache() throws Exception {
        Page health = new PageClient(front).get("/health");
        assertEquals(200, health.status(), health.body());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
        for (String check : List.of("database", "broker", "cache")) {
            assertTrue(health.body().contains("\"" + check + "\":{\"status\":\"UP\""), check + " in " + health.body());
        }
        // The cache check names the members of the L2 cache: all three servers.
        Matcher members = Pattern.compile("(\\d+) members \\[([^\\]]*)\\]").matcher(health.body());
        assertTrue(members.find(), health.body());
        assertEquals("3", members.group(1), health.body());
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
            out.write(("GET /jakarta.faces.push/cluster-check HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
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
    void benchmarkAndMetricsEndpointsAreClosedAtTheFrontDoorThoughServersLetLoopbackIn() throws Exception {
        // A server answers its loopback callers (an operator on the machine), and HAProxy's requests come from
        // loopback:
        // only HAProxy's own rule keeps these from the outside.
        PageClient direct = new PageClient(ClusterFixture.server("web1"));
        assertEquals(200, direct.get("/metrics/cache").status(), "web1 answers /metrics/cache to a loopback caller");
        assertEquals(200, direct.get("/questions").status());
        assertEquals(200, direct.get("/bench/limit?path=/questions").status(), "web1 answers /bench/limit to loopback");

        PageClient outside = new PageClient(front);
        for (String path : List.of("/metrics/cache", "/bench/limit?path=/questions", "/metrics", "/bench")) {
            assertEquals(403, outside.get(path).status(), "HAProxy denies " + path);
        }
        assertEquals(200, outside.get("/questions").status(), "and lets pages through");
    }

    @Test
    void serverTimingValuesAppearInHaproxysLogLine() throws Exception {
        String marker = "/questions?timing-check=" + System.nanoTime();
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
