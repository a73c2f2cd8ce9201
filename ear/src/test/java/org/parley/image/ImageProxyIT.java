package org.parley.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;
import org.parley.user.PictureHosts;

/**
 * Issue 18, item 6: a post's images from other servers reach readers through Parley's image proxy. A real HTTP server
 * on loopback (the test server allows loopback for the proxy: {@code parley.image-proxy.allow-loopback} in
 * arquillian.xml) serves an image, an SVG, an HTML page and an oversized image; a question shows them all, and the
 * test fetches each through the proxy as a reader's browser would, with cookies and a referrer of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImageProxyIT {

    private static final Pattern PROXIED = Pattern.compile("<img src=\"(/img/proxy\\?u=([^&\"]*)&amp;s=([^\"]*))\"");
    private static final byte[] PNG = png();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(ImageProxySeedServlet.class);
    }

    private HttpServer images;
    private String origin;
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final Map<String, Headers> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void startTheImageServer() throws IOException {
        images = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        images.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requested.add(path);
            seen.put(path, exchange.getRequestHeaders());
            byte[] body = PNG;
            String type = "image/png";
            switch (path) {
                case "/frame.svg" -> {
                    body = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                            .getBytes(StandardCharsets.UTF_8);
                    type = "image/svg+xml";
                }
                case "/frame-page.png" ->
                    body = "<!doctype html><script>alert(1)</script>"
                            .getBytes(StandardCharsets.UTF_8); // says PNG, is HTML
                case "/poster.png" -> {
                    body = new byte[6 << 20];
                    System.arraycopy(PNG, 0, body, 0, PNG.length);
                }
                default -> {}
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Set-Cookie", "tracker=1");
            if (path.equals("/poster-streamed.png")) {
                exchange.sendResponseHeaders(200, 0); // no Content-Length: the proxy must count as it reads
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(PNG);
                    out.write(new byte[6 << 20]);
                } catch (IOException cutOff) {
                    // the proxy hung up at its limit
                }
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        images.start();
        origin = "http://127.0.0.1:" + images.getAddress().getPort();
    }

    @AfterEach
    void stopTheImageServer() {
        images.stop(0);
    }

    @Test
    void aPostsRemoteImagesComeThroughTheProxyAndOnlyWhatItSigned() throws Exception {
        String host = ParleyDeployment.unique("img") + ".localhost";
        Map<String, String> name = new LinkedHashMap<>();
        for (String file : List.of(
                "frame.png", "frame.svg", "frame-page.png", "poster.png", "poster-streamed.png", "tracked.png")) {
            name.put(file, origin + "/" + file + "?reader=" + file.length());
        }
        name.put("metadata", "http://169.254.169.254/latest/meta-data/");
        name.put("private", "http://10.255.255.1/frame.png");
        StringBuilder body =
                new StringBuilder("Here are the frames I am choosing between, all from my own server:\n\n");
        name.forEach(
                (k, url) -> body.append("![").append(k).append("](").append(url).append(")\n\n"));
        String path = Http.get(
                        "localhost",
                        "/test/image-proxy-seed?host=" + host + "&body="
                                + URLEncoder.encode(body.toString(), StandardCharsets.UTF_8))
                .body();

        Http.Response page = Http.get(host, path);
        assertEquals(200, page.status(), page.body());
        String csp = page.header("Content-Security-Policy");
        String images = csp.replaceAll(".*(img-src [^;]*).*", "$1");
        assertEquals(
                "img-src 'self' data: " + PictureHosts.configured().cspSources(),
                images,
                "images only from this origin and the imported users' picture hosts: " + csp);
        assertFalse(page.body().contains("src=\"" + origin), "no image of another server on the page");
        assertTrue(requested.isEmpty(), "rendering the page fetched nothing: " + requested);
        Map<String, String> proxied = new LinkedHashMap<>();
        Matcher m = PROXIED.matcher(page.body());
        while (m.find()) {
            String url = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
            proxied.put(url, m.group(1).replace("&amp;", "&"));
            // Signed with the key derived from the data folder's secret, as every server of a cluster would.
            assertEquals(ImageProxy.withSecret(secret()).sign(url), m.group(3), url);
        }
        assertEquals(name.size(), proxied.size(), "every image goes through the proxy: " + proxied.keySet());

        // The image, with a browser's cookies and referrer: the image's server sees neither.
        String frame = proxied.get(name.get("frame.png"));
        Map<String, String> browser =
                Map.of("Cookie", "JSESSIONID=reader-session; prefs=dark", "Referer", "http://" + host + path);
        Fetched image = fetch(host, frame, browser);
        assertEquals(200, image.status(), image.toString());
        assertArrayEquals(PNG, image.bytes());
        assertEquals("image/png", image.header("Content-Type"));
        assertEquals("nosniff", image.header("X-Content-Type-Options"));
        assertEquals("default-src 'none'", image.header("Content-Security-Policy"));
        assertEquals("public, max-age=86400", image.header("Cache-Control"));
        assertNull(image.header("Set-Cookie"), "neither the upstream's cookie nor a session: " + image);
        Headers upstream = seen.get("/frame.png");
        assertNotNull(upstream);
        assertNull(upstream.getFirst("Cookie"), "the reader's cookies stay with Parley");
        assertNull(upstream.getFirst("Referer"), "nor where they read it");
        assertTrue(upstream.getFirst("User-Agent").startsWith("Parley-ImageProxy/"), upstream.getFirst("User-Agent"));

        // Cached: a second reader costs the image's server nothing.
        assertArrayEquals(PNG, fetch(host, frame, Map.of()).bytes());
        assertEquals(1, requested.stream().filter("/frame.png"::equals).count(), "fetched once: " + requested);

        // A changed signature, a URL it was not made for, or none: refused before anything is fetched.
        String tracked = proxied.get(name.get("tracked.png"));
        String signature = tracked.substring(tracked.indexOf("&s=") + 3);
        String tampered = tracked.substring(0, tracked.indexOf("&s=") + 3)
                + (signature.charAt(0) == 'A' ? 'B' : 'A')
                + signature.substring(1);
        assertEquals(403, fetch(host, tampered, Map.of()).status());
        String elsewhere =
                "/img/proxy?u=" + URLEncoder.encode(origin + "/other.png", StandardCharsets.UTF_8) + "&s=" + signature;
        assertEquals(403, fetch(host, elsewhere, Map.of()).status());
        assertEquals(
                400,
                fetch(host, "/img/proxy?u=" + URLEncoder.encode(origin, StandardCharsets.UTF_8), Map.of())
                        .status());
        assertFalse(requested.contains("/tracked.png"), "nothing fetched for a bad signature: " + requested);

        // Only PNG, JPEG, GIF and WebP, told by their bytes; at most 5 MB, counted as it arrives.
        assertEquals(
                415, fetch(host, proxied.get(name.get("frame.svg")), Map.of()).status());
        Fetched html = fetch(host, proxied.get(name.get("frame-page.png")), Map.of());
        assertEquals(415, html.status(), html.toString());
        assertFalse(new String(html.bytes(), StandardCharsets.UTF_8).contains("<script>"), "the HTML is not passed on");
        assertEquals(
                413, fetch(host, proxied.get(name.get("poster.png")), Map.of()).status());
        assertEquals(
                413,
                fetch(host, proxied.get(name.get("poster-streamed.png")), Map.of())
                        .status());

        // Addresses inside a network or the cloud's metadata service: refused at once, before any connection (a
        // connection to 10.255.255.1 would wait for the 3 s connect timeout and give 504).
        for (String inside : List.of("metadata", "private")) {
            long start = System.nanoTime();
            Fetched refused = fetch(host, proxied.get(name.get(inside)), Map.of());
            assertEquals(403, refused.status(), inside + ": " + refused);
            assertTrue(System.nanoTime() - start < 2_000_000_000L, inside + " refused without a connection attempt");
        }
    }

    private record Fetched(int status, Map<String, List<String>> headers, byte[] bytes) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + headers + " "
                    + new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        }
    }

    /** A GET of {@code path} on the test server as {@code host}, bytes and all. */
    private static Fetched fetch(String host, String path, Map<String, String> headers) throws IOException {
        Http.Bytes answer = Http.getBytes(host, path, headers);
        return new Fetched(answer.status(), answer.headers(), answer.body());
    }

    /** The secret the test server's first start wrote into its data folder. */
    private static String secret() throws IOException {
        Path file = Path.of(System.getProperty("it.server.dir"), "data", "parley", "image-proxy-secret");
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    /** A real 1 × 1 PNG. */
    private static byte[] png() {
        return java.util.Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    }
}
