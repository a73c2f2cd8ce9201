package org.parley.image.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching for the proxy from a real HTTP server on loopback: limits, redirects, types and headers. */
class ImageFetcherTest {

    private static final int MAX = 64 * 1024;

    private HttpServer server;
    private String base;
    private final Map<String, Headers> seen = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            seen.put(path, exchange.getRequestHeaders());
            byte[] body;
            String type = "image/png";
            int status = 200;
            switch (path) {
                case "/a.png" -> body = ImageTypesTest.PNG;
                case "/labelled-jpeg.png" -> {
                    body = ImageTypesTest.PNG;
                    type = "image/jpeg";
                }
                case "/evil.svg" -> {
                    body = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);
                    type = "image/svg+xml";
                }
                case "/html-as-png" -> body = "<!doctype html><p>hi".getBytes(StandardCharsets.UTF_8);
                case "/big.png" -> body = big(MAX + 1);
                case "/missing.png" -> {
                    status = 404;
                    body = "no".getBytes(StandardCharsets.UTF_8);
                    type = "text/plain";
                }
                default -> {
                    if (path.startsWith("/hop/")) {
                        int n = Integer.parseInt(path.substring(5));
                        exchange.getResponseHeaders().set("Location", n == 0 ? "/a.png" : "/hop/" + (n - 1));
                        exchange.sendResponseHeaders(302, -1);
                        exchange.close();
                        return;
                    }
                    if (path.equals("/slow.png")) {
                        sleep(3000);
                    }
                    body = ImageTypesTest.PNG;
                }
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            if (path.equals("/big-chunked.png")) {
                exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse it by
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(big(MAX * 4));
                } catch (IOException cutOff) {
                    // the proxy hung up, as it should
                }
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ImageFetcher fetcher() {
        return new ImageFetcher(null, MAX, true, Duration.ofSeconds(2));
    }

    @Test
    void anImageComesWithItsRealTypeAndTheServerSeesNothingOfTheReader() {
        ImageFetcher.Image image = fetcher().fetch(base + "/a.png#fragment");
        assertEquals("image/png", image.type());
        assertArrayEquals(ImageTypesTest.PNG, image.bytes());
        Headers h = seen.get("/a.png");
        assertEquals(ImageFetcher.USER_AGENT, h.getFirst("User-Agent"));
        assertNull(h.getFirst("Cookie"));
        assertNull(h.getFirst("Referer"));
        assertEquals("image/png", fetcher().fetch(base + "/labelled-jpeg.png").type(), "the bytes decide");
    }

    @Test
    void redirectsAreFollowedThreeTimesAtMost() {
        assertEquals("image/png", fetcher().fetch(base + "/hop/2").type());
        assertEquals(502, status(base + "/hop/3"), "four redirects");
    }

    @Test
    void wrongTypesTooLargeMissingAndSlowImagesAreRefusedWithTheirStatus() {
        assertEquals(415, status(base + "/evil.svg"));
        assertEquals(415, status(base + "/html-as-png"));
        assertEquals(413, status(base + "/big.png"));
        assertEquals(413, status(base + "/big-chunked.png"));
        assertEquals(404, status(base + "/missing.png"));
        assertEquals(504, status(base + "/slow.png"));
        assertEquals(400, status("ftp://127.0.0.1/a.png"));
        assertEquals(400, status("http://user:pw@127.0.0.1/a.png"));
    }

    @Test
    void privateAddressesAreRefusedBeforeAnyConnection() {
        ImageFetcher strict = new ImageFetcher(null, MAX, false, Duration.ofSeconds(2));
        int before = requests.get();
        ImageFetchException e = assertThrows(ImageFetchException.class, () -> strict.fetch(base + "/a.png"));
        assertEquals(403, e.status());
        assertEquals(before, requests.get(), "no request reached the server");
        for (String url : List.of("http://10.255.255.1/a.png", "http://169.254.169.254/latest/meta-data/")) {
            long start = System.nanoTime();
            assertEquals(
                    403,
                    assertThrows(ImageFetchException.class, () -> strict.fetch(url))
                            .status(),
                    url);
            assertTrue(System.nanoTime() - start < 1_000_000_000L, "refused at once, not after a connect timeout");
        }
    }

    @Test
    void aRedirectToAPrivateAddressIsRefused() {
        server.createContext("/to-metadata", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        assertEquals(403, status(base + "/to-metadata"));
    }

    private int status(String url) {
        return assertThrows(ImageFetchException.class, () -> fetcher().fetch(url))
                .status();
    }

    private static byte[] big(int n) {
        byte[] b = new byte[n];
        System.arraycopy(ImageTypesTest.PNG, 0, b, 0, ImageTypesTest.PNG.length);
        return b;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
