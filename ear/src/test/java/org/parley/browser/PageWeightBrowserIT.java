package org.parley.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.parley.testing.Browser;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;

/**
 * What a page weighs in a real browser: an anonymous reader's first visit to a question page transfers at most
 * {@value #FIRST_VISIT_LIMIT} bytes in all (compressed HTML, CSS and JavaScript, measured by the browser's Resource
 * Timing), a repeat visit downloads nothing but the HTML, no anonymous read page loads PrimeFaces; and on the wire,
 * compressed and plain representations keep ETags of their own with 304s working for both. How soon a page is ready
 * is measured by {@code scripts/bench.sh pages}, not asserted here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PageWeightBrowserIT {

    /** 150 KB: the goal of issue 15 for a question page's first visit, everything included. */
    static final long FIRST_VISIT_LIMIT = 150 * 1024;

    /** What every page's Resource Timing entries sum to, as one JSON-free string the test parses. */
    private static final String WEIGH = "var nav = performance.getEntriesByType('navigation')[0];"
            + "var rows = [['document', nav.name, nav.transferSize, nav.encodedBodySize, nav.decodedBodySize,"
            + " nav.domContentLoadedEventEnd - nav.startTime]];"
            + "performance.getEntriesByType('resource').forEach(function (r) {"
            + "  rows.push([r.initiatorType, r.name, r.transferSize, r.encodedBodySize, r.decodedBodySize, 0]); });"
            + "return rows.map(function (r) { return r.join('\\t'); }).join('\\n');";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(PageWeightSeedServlet.class);
    }

    /** One fetch as the browser reports it. */
    record Entry(String type, String url, long transfer, long encoded, long decoded, double domContentLoadedMs) {}

    /** All fetches of one page view: the document first. */
    record Weight(List<Entry> entries) {
        Entry document() {
            return entries.get(0);
        }

        List<Entry> resources() {
            return entries.subList(1, entries.size());
        }

        long transferred() {
            return entries.stream().mapToLong(Entry::transfer).sum();
        }

        long decoded() {
            return entries.stream().mapToLong(Entry::decoded).sum();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            entries.forEach(e -> s.append(String.format(
                    "%n  %-8s %8d B transferred %8d B body %8d B decoded  %s",
                    e.type, e.transfer, e.encoded, e.decoded, e.url)));
            return s.toString();
        }
    }

    @Test
    void anAnonymousQuestionPageWeighsLittleAndARepeatVisitFetchesOnlyItsHtml() throws Exception {
        String host = ParleyDeployment.unique("weight") + ".localhost";
        String question = seed(host);
        String url = base(host) + question;
        warm(host, question);
        try (Browser browser = new Browser(1280, 1000)) {
            ChromeDriver d = browser.driver();
            try {
                d.get(url);
                Weight first = weigh(d);
                browser.screenshot("page-weight-question");
                System.out.println("First visit of " + question + ": " + first.transferred() + " B transferred, "
                        + first.decoded() + " B decoded" + first);
                assertTrue(
                        first.transferred() <= FIRST_VISIT_LIMIT,
                        "a first visit transfers at most " + FIRST_VISIT_LIMIT + " B: " + first.transferred() + first);
                assertTrue(
                        first.document().encoded() < first.document().decoded() / 3,
                        "the HTML comes compressed" + first);
                for (Entry r : first.resources()) {
                    assertTrue(
                            r.encoded() < r.decoded() || r.decoded() < 1000,
                            "every text resource of 1,000 bytes or more comes compressed: " + r);
                }
                assertTrue(d.findElements(By.cssSelector(".votes .score")).size() >= 5, "scores are shown");
                // What an anonymous reader cannot do here is a link to log in, no script needed.
                assertTrue(d.findElement(By.cssSelector(".question .vote-up"))
                        .getAttribute("href")
                        .contains("/users/login"));
                d.executeScript("document.querySelector('.answer .comment-login').scrollIntoView({block: 'center'});");
                assertTrue(d.findElement(By.cssSelector(".answer .comment-login a"))
                        .getAttribute("href")
                        .contains("/users/login"));
                browser.screenshot("page-weight-comments");

                d.get("about:blank");
                d.get(url);
                Weight repeat = weigh(d);
                System.out.println("Repeat visit: " + repeat.transferred() + " B transferred" + repeat);
                for (Entry r : repeat.resources()) {
                    assertEquals(0, r.transfer(), "a repeat visit takes every asset from the browser's cache: " + r);
                }
                assertEquals(repeat.document().transfer(), repeat.transferred(), "only the HTML" + repeat);
                assertTrue(repeat.transferred() < first.transferred(), "a repeat visit is lighter" + repeat);
            } catch (AssertionError | RuntimeException e) {
                browser.evidence("page-weight-failed");
                throw e;
            }
        }
    }

    @Test
    void noAnonymousReadPageLoadsTheWidgetLibraryAndEachIsLight() throws Exception {
        String host = ParleyDeployment.unique("light") + ".localhost";
        String question = seed(host);
        warm(host, question);
        try (Browser browser = new Browser(390, 844)) {
            ChromeDriver d = browser.driver();
            d.get(base(host) + question);
            String profile = URI.create(d.findElement(By.cssSelector(".question .post-owner a[href*='/users/']"))
                            .getAttribute("href"))
                    .getRawPath();
            List<String> pages = List.of("/", "/questions", "/questions/tagged/bottling", "/tags", question, profile);
            for (String page : pages) {
                Http.get(host, page); // renders it once (and into the output cache where it goes)
                d.get(base(host) + page);
                Weight w = weigh(d);
                assertEquals(200, Http.get(host, page).status(), page);
                for (Entry r : w.resources()) {
                    assertTrue(
                            !r.url().contains("primefaces") && !r.url().contains("jakarta.faces.resource"),
                            page + " loads no widget library for an anonymous reader: " + r);
                }
                assertTrue(w.transferred() <= FIRST_VISIT_LIMIT, page + " weighs " + w.transferred() + " B" + w);
            }
            browser.screenshot("page-weight-question-phone");

            // How soon the page is ready (DOMContentLoaded) is a figure of `scripts/bench.sh pages`, not a limit here:
            // a timed assertion failed whenever other builds loaded the machine.
        }
    }

    @Test
    void compressedAndPlainRepresentationsHaveTheirOwnEtagsAndBothRevalidate() throws Exception {
        String host = ParleyDeployment.unique("gz") + ".localhost";
        String question = seed(host);
        warm(host, question);

        // The output cache's page: compressed once, sent to who asks for it, plain to who does not.
        Raw zipped = raw(host, question, Map.of("Accept-Encoding", "gzip, deflate, br"));
        Raw plain = raw(host, question, Map.of());
        assertEquals("hit", zipped.header("X-Parley-Cache"));
        assertEquals("gzip", zipped.header("Content-Encoding"));
        assertNull(plain.header("Content-Encoding"));
        assertArrayEquals(plain.body(), gunzip(zipped.body()), "the same page");
        assertTrue(zipped.body().length < plain.body().length / 3, "HTML compresses well");
        assertTrue(zipped.header("Vary").contains("Accept-Encoding")
                && zipped.header("Vary").contains("Cookie"));
        assertNotEquals(zipped.header("ETag"), plain.header("ETag"), "two representations, two strong ETags");
        assertEquals(
                304,
                raw(host, question, Map.of("Accept-Encoding", "gzip", "If-None-Match", zipped.header("ETag")))
                        .status());
        assertEquals(
                304,
                raw(host, question, Map.of("If-None-Match", plain.header("ETag")))
                        .status());
        // (Undertow's filter names an explicitly asked-for "identity" in the answer; browsers never ask for it.)
        Raw refused = raw(host, question, Map.of("Accept-Encoding", "gzip;q=0, identity"));
        assertArrayEquals(plain.body(), refused.body(), "q=0 refuses gzip: " + refused.header("Content-Encoding"));

        // Parley's versioned CSS: the same, kept for a year.
        String html = new String(plain.body(), StandardCharsets.UTF_8);
        int at = html.indexOf("/assets/");
        assertTrue(at > 0, "the page links a versioned asset");
        String css = html.substring(at, html.indexOf('"', at));
        Raw cssZipped = raw(host, css, Map.of("Accept-Encoding", "gzip"));
        Raw cssPlain = raw(host, css, Map.of());
        assertEquals("gzip", cssZipped.header("Content-Encoding"), css);
        assertArrayEquals(cssPlain.body(), gunzip(cssZipped.body()));
        assertTrue(cssZipped.header("Cache-Control").contains("immutable"));
        assertNotEquals(cssZipped.header("ETag"), cssPlain.header("ETag"));
        assertEquals(
                304,
                raw(host, css, Map.of("Accept-Encoding", "gzip", "If-None-Match", cssZipped.header("ETag")))
                        .status());

        // Everything else is compressed by the server (install-compression.cli): PrimeFaces' script for logged-in
        // pages, and a page the output cache does not keep.
        Raw script =
                raw(host, "/jakarta.faces.resource/core.js.xhtml?ln=primefaces", Map.of("Accept-Encoding", "gzip"));
        assertEquals(200, script.status());
        assertEquals("gzip", script.header("Content-Encoding"), "the server's gzip filter compresses scripts");
        assertTrue(script.header("Vary").contains("Accept-Encoding"));
        assertNull(raw(host, "/jakarta.faces.resource/core.js.xhtml?ln=primefaces", Map.of())
                .header("Content-Encoding"));
        Raw login = raw(host, "/users/login", Map.of("Accept-Encoding", "gzip"));
        assertEquals("gzip", login.header("Content-Encoding"), "an uncached page is compressed too");
        assertTrue(new String(gunzip(login.body()), StandardCharsets.UTF_8).contains("login-form"));
    }

    private static String base(String host) {
        return "http://" + host + ":" + Http.port();
    }

    private static String seed(String host) throws IOException {
        Http.Response r = Http.get("localhost", "/test/page-weight-seed?host=" + host);
        assertEquals(200, r.status(), r.body());
        return r.body().trim();
    }

    /** A warm server: the page rendered and in the output cache, the JIT past its first calls. */
    private static void warm(String host, String path) throws IOException {
        for (int i = 0; i < 20; i++) {
            raw(host, path, Map.of("Accept-Encoding", "gzip"));
        }
    }

    private static Weight weigh(WebDriver d) {
        String rows = (String) ((ChromeDriver) d).executeScript(WEIGH);
        List<Entry> entries = new ArrayList<>();
        for (String row : rows.split("\n")) {
            String[] f = row.split("\t");
            entries.add(new Entry(
                    f[0],
                    f[1],
                    (long) Double.parseDouble(f[2]),
                    (long) Double.parseDouble(f[3]),
                    (long) Double.parseDouble(f[4]),
                    Double.parseDouble(f[5])));
        }
        return new Weight(entries);
    }

    record Raw(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> name.equalsIgnoreCase(e.getKey()))
                    .map(e -> String.join(", ", e.getValue()))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A GET with its body as bytes, exactly as sent (HttpURLConnection decompresses nothing). */
    private static Raw raw(String host, String path, Map<String, String> headers) throws IOException {
        Http.Bytes answer = Http.getBytes(host, path, headers);
        assertNotNull(answer.headers());
        return new Raw(answer.status(), answer.headers(), answer.body());
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
