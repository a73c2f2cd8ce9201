package org.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.Browser.waitFor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.parley.testing.AxeCheck;
import org.parley.testing.Browser;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;

/**
 * Reading posts on an imported site whose posts use TeX (a small quantum-computing dump written by the test): the
 * revisions page in words and diffs, math typeset with KaTeX, code highlighted, the skip link to the answers, and no
 * serious or critical axe-core violation on the pages a newcomer opens first.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReadingBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    /** One imported site for the whole class (the server lives as long as the class). */
    private static String host;

    @BeforeEach
    void site() throws Exception {
        synchronized (ReadingBrowserIT.class) {
            if (host == null) {
                String name = ParleyDeployment.unique("qc");
                Path dir = Files.createTempDirectory("parley-reading-dump");
                writeDump(dir);
                String h = name + ".localhost";
                awaitImport(importDump(dir, name, h));
                host = h;
            }
        }
    }

    private static String base() {
        return "http://" + host + ":" + Http.port();
    }

    @Test
    void revisionsReadAsWordsDiffsAndNames() throws Exception {
        try (Browser browser = new Browser(1280, 1000)) {
            WebDriver d = browser.driver();
            try {
                d.get(base() + "/revisions/1");
                String text = d.findElement(By.id("main")).getText();
                assertTrue(text.contains("Revision 1") && text.contains("Revision 3"), text);
                assertTrue(text.contains("Closed as needing details or clarity."), text);
                assertTrue(text.contains("Reopened"), text);
                assertFalse(d.getPageSource().contains("Voters"), "no raw JSON rows");
                assertFalse(text.toLowerCase().contains("tweeted"), "bookkeeping rows are hidden");
                assertFalse(text.contains("History event"), "no row without words");
                assertFalse(text.contains("user 529"), "a deleted editor is named sensibly");
                assertTrue(text.contains("a deleted user"), text);

                // Close voters by name: users of the site linked, one who is not only named.
                WebElement voters = d.findElements(By.cssSelector(".revision-voters")).stream()
                        .filter(e -> e.getText().contains("Cy Closer"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no close voters: " + text));
                assertTrue(voters.getText().contains("Old Voter"), voters.getText());
                assertEquals(
                        List.of("Cy Closer", "Bo Gate"),
                        voters.findElements(By.tagName("a")).stream()
                                .map(WebElement::getText)
                                .toList());
                assertTrue(
                        voters.findElement(By.tagName("a")).getAttribute("href").contains("/users/4/"));

                // Diffs: the body's changed words, the new tag.
                List<String> added = d.findElements(By.cssSelector(".diff-text ins")).stream()
                        .map(e -> e.getAttribute("textContent"))
                        .toList();
                assertTrue(added.stream().anyMatch(s -> s.contains("normalised")), added.toString());
                assertTrue(d.findElement(By.cssSelector(".diff-items ins"))
                        .getText()
                        .contains("normalization"));
                assertTrue(d.findElement(By.cssSelector(".diff-line del"))
                        .getAttribute("textContent")
                        .contains("How"));

                // Revision 1's Markdown rendered: paragraphs, and its math typeset.
                WebElement first = d.findElement(By.id("revision-1"));
                assertTrue(
                        first.findElements(By.cssSelector(".revision-body p")).size() >= 2, first.getText());
                waitFor(d)
                        .until(x ->
                                !first.findElements(By.cssSelector(".katex")).isEmpty());

                // And back to the post.
                String back = d.findElement(By.id("back-to-post")).getAttribute("href");
                assertTrue(back.contains("/questions/1/"), back);
                browser.screenshot("reading-revisions-1280");
                ((JavascriptExecutor) d).executeScript("document.getElementById('revision-2').scrollIntoView();");
                browser.screenshot("reading-revisions-1280-diff");
                ((JavascriptExecutor) d).executeScript("document.getElementById('revision-1').scrollIntoView();");
                browser.screenshot("reading-revisions-1280-first");
                d.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                d.navigate().refresh();
                waitFor(d)
                        .until(x -> !x.findElements(By.cssSelector("#revision-1 .katex"))
                                .isEmpty());
                browser.screenshot("reading-revisions-390");
                assertNoHorizontalScroll(d);
                d.findElement(By.id("back-to-post")).click();
                waitFor(d).until(x -> x.getCurrentUrl().contains("/questions/1/"));
            } catch (AssertionError | RuntimeException e) {
                browser.evidence("reading-revisions-failure");
                throw e;
            }
        }
    }

    @Test
    void mathIsTypesetAndCodeIsHighlighted() throws Exception {
        try (Browser browser = new Browser(1280, 1000)) {
            WebDriver d = browser.driver();
            try {
                d.get(base() + "/questions/1");
                waitFor(d)
                        .until(x ->
                                "true".equals(x.findElement(By.tagName("html")).getAttribute("data-math-typeset")));
                WebElement body = d.findElement(By.cssSelector("#question-1 .post-text"));
                assertTrue(body.findElements(By.cssSelector(".katex")).size() >= 2, body.getAttribute("innerHTML"));
                assertEquals(
                        1, body.findElements(By.cssSelector(".katex-display")).size(), "$$...$$ is displayed");
                assertFalse(
                        d.findElement(By.tagName("h1"))
                                .findElements(By.cssSelector(".katex"))
                                .isEmpty(),
                        "title");
                String shown = body.getText();
                assertTrue(shown.contains("costs $5"), "an escaped dollar is a dollar: " + shown);
                assertFalse(shown.replace("costs $5", "").contains("$"), "no raw TeX left: " + shown);
                assertFalse(shown.contains("\\"), "no raw TeX left: " + shown);
                assertNull(
                        ((JavascriptExecutor) d)
                                .executeScript("return document.querySelector('script[src*=highlight]');"),
                        "a page without code does not load highlight.js");
                browser.screenshot("reading-math-1280");

                d.get(base() + "/questions/3");
                waitFor(d)
                        .until(x ->
                                "true".equals(x.findElement(By.tagName("html")).getAttribute("data-code-highlighted")));
                List<WebElement> blocks = d.findElements(By.cssSelector(".post-text pre code.hljs"));
                assertEquals(2, blocks.size());
                for (WebElement code : blocks) {
                    assertTrue(code.getAttribute("class").contains("language-python"), code.getAttribute("class"));
                    assertFalse(
                            code.findElements(By.cssSelector("[class^='hljs-']"))
                                    .isEmpty(),
                            "highlighted");
                }
                browser.screenshot("reading-code-1280");
                d.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                d.get(base() + "/questions/1");
                waitFor(d)
                        .until(x ->
                                "true".equals(x.findElement(By.tagName("html")).getAttribute("data-math-typeset")));
                browser.screenshot("reading-math-390");
                assertNoHorizontalScroll(d);
                d.get(base() + "/questions/3");
                waitFor(d)
                        .until(x ->
                                "true".equals(x.findElement(By.tagName("html")).getAttribute("data-code-highlighted")));
                browser.screenshot("reading-code-390");
                assertNoHorizontalScroll(d);
            } catch (AssertionError | RuntimeException e) {
                browser.evidence("reading-math-code-failure");
                throw e;
            }
        }
    }

    @Test
    void anAdminSwitchesMathOffAndOnAgain() throws Exception {
        try (Browser browser = new Browser(1280, 1000)) {
            WebDriver d = browser.driver();
            String local = "http://localhost:" + Http.port();
            d.get(local + "/users/login");
            d.findElement(By.id("login-username")).sendKeys("admin");
            d.findElement(By.id("login-password")).sendKeys(ParleyDeployment.adminPassword());
            d.findElement(By.id("login-submit")).click();
            waitFor(d).until(x -> !x.findElements(By.id("logout")).isEmpty());
            By toggle = By.cssSelector("[aria-label='Math rendering on " + host + "']");
            d.get(local + "/admin/sites");
            assertEquals("On", d.findElement(toggle).getAttribute("value"), "the import found TeX and switched it on");
            try {
                d.findElement(toggle).click();
                waitFor(d).until(x -> "Off".equals(x.findElement(toggle).getAttribute("value")));
                assertEquals("false", d.findElement(toggle).getAttribute("aria-pressed"));
                Http.Response page = Http.get(host, "/questions/1/why-must-the-state-psi-rangle-be-normalised");
                assertTrue(page.body().contains("data-math=\"false\""), "the cached page was dropped");
            } finally {
                d.get(local + "/admin/sites");
                if ("Off".equals(d.findElement(toggle).getAttribute("value"))) {
                    d.findElement(toggle).click();
                    waitFor(d).until(x -> "On".equals(x.findElement(toggle).getAttribute("value")));
                }
            }
            assertTrue(Http.get(host, "/questions/1/why-must-the-state-psi-rangle-be-normalised")
                    .body()
                    .contains("data-math=\"true\""));
        }
    }

    @Test
    void theSkipLinkTakesTheKeyboardToTheAnswers() throws Exception {
        try (Browser browser = new Browser(1280, 500)) {
            WebDriver d = browser.driver();
            d.get(base() + "/questions/1");
            WebElement skip = d.findElement(By.id("skip-to-answers"));
            assertEquals("Skip to 1 answer", skip.getText());
            skip.sendKeys(Keys.ENTER);
            waitFor(d).until(x -> x.getCurrentUrl().endsWith("#answers"));
            // The answers are at the top of the window, or the page is scrolled as far as it goes.
            Boolean there = (Boolean) ((JavascriptExecutor) d)
                    .executeScript("var top = document.getElementById('answers').getBoundingClientRect().top;"
                            + " var end = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;"
                            + " return window.scrollY > 0 && (Math.abs(top) < 100 || end);");
            assertTrue(there, "the window moved to the answers");
        }
    }

    @Test
    void theFirstPagesHaveNoSeriousAccessibilityViolations() throws Exception {
        List<String> failures = new ArrayList<>();
        try (Browser browser = new Browser(1280, 1000)) {
            WebDriver d = browser.driver();
            check(d, "/", "home", failures);
            check(d, "/questions/1", "question (anonymous)", failures);
            check(d, "/questions/3", "question with code (anonymous)", failures);
            check(d, "/tags", "tags", failures);
            check(d, "/revisions/1", "revisions", failures);

            String user = ParleyDeployment.unique("reader");
            d.get(base() + "/users/register");
            d.findElement(By.id("register-username")).sendKeys(user);
            d.findElement(By.id("register-display")).sendKeys("Reader " + user);
            d.findElement(By.id("register-password")).sendKeys("a-long-enough-password");
            d.findElement(By.id("register-submit")).click();
            waitFor(d).until(x -> x.findElement(By.id("topbar-user")).getText().contains("Reader"));
            String profile = d.findElement(By.id("topbar-user")).getAttribute("href");

            check(d, "/questions/1", "question (logged in)", failures);
            check(d, "/questions/ask", "ask", failures);
            // On this math site the ask page's live preview typesets TeX as the saved post will.
            d.findElement(By.id("ask-body")).sendKeys("Why is $x*y*z^2$ never negative here?");
            waitFor(d)
                    .until(x -> !x.findElements(By.cssSelector("#ask-preview .katex"))
                            .isEmpty());
            assertFalse(d.findElement(By.id("ask-preview")).getText().contains("$"), "no raw TeX left in the preview");
            check(d, "/messages", "inbox", failures);
            check(d, URI.create(profile).getRawPath(), "profile", failures);
            if (!failures.isEmpty()) {
                browser.evidence("reading-axe-failure");
            }
        }
        assertTrue(
                failures.isEmpty(),
                "Serious or critical axe-core violations, or skipped heading levels:\n" + String.join("\n", failures));
    }

    private static void check(WebDriver d, String path, String page, List<String> failures) {
        d.get(base() + path);
        // Let reading.js finish (KaTeX and highlight.js change the page), so axe sees what the reader sees.
        waitFor(d).until(x -> "complete".equals(((JavascriptExecutor) x).executeScript("return document.readyState")));
        if (!d.findElements(By.cssSelector("#main .prose pre code")).isEmpty()) {
            waitFor(d)
                    .until(x -> "true".equals(x.findElement(By.tagName("html")).getAttribute("data-code-highlighted")));
        }
        String report = AxeCheck.report(page + " " + path, AxeCheck.seriousViolations(d));
        if (report != null) {
            failures.add(report);
        }
    }

    private static void assertNoHorizontalScroll(WebDriver d) {
        Number overflow = (Number) ((JavascriptExecutor) d)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, "the page scrolls sideways by " + overflow + " px");
    }

    // ---- The fixture: a small dump of a site whose posts use TeX, imported through the admin API ----

    private static void write(Path dir, String file, String root, String... rows) throws IOException {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<" + root + ">\n");
        for (String r : rows) {
            b.append("  <row ").append(r).append(" />\n");
        }
        b.append("</").append(root).append(">");
        Files.writeString(dir.resolve(file), b.toString(), StandardCharsets.UTF_8);
    }

    /** XML-escapes an attribute value (the dump stores HTML and JSON escaped in attributes). */
    private static String x(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("\n", "&#xA;");
    }

    private static void writeDump(Path dir) throws IOException {
        write(
                dir,
                "Users.xml",
                "users",
                "Id=\"-1\" Reputation=\"1\" CreationDate=\"2018-01-01T00:00:00.000\" DisplayName=\"Community\"",
                "Id=\"2\" Reputation=\"120\" CreationDate=\"2018-01-01T00:00:00.000\" DisplayName=\"Ada Qubit\"",
                "Id=\"3\" Reputation=\"340\" CreationDate=\"2018-01-01T00:00:00.000\" DisplayName=\"Bo Gate\"",
                "Id=\"4\" Reputation=\"2100\" CreationDate=\"2018-01-01T00:00:00.000\" DisplayName=\"Cy Closer\"");
        write(
                dir,
                "Tags.xml",
                "tags",
                "Id=\"1\" TagName=\"quantum-state\" Count=\"2\"",
                "Id=\"2\" TagName=\"python\" Count=\"1\"",
                "Id=\"3\" TagName=\"normalization\" Count=\"1\"");
        String q1 =
                "<p>Given $|\\psi\\rangle = \\alpha|0\\rangle + \\beta|1\\rangle$ with $a_1 * b_2 * c$, show that</p>"
                        + "<p>$$|\\alpha|^2 + |\\beta|^2 = 1$$</p><p>It costs \\$5 to ask.</p>";
        String a2 = "<p>Take the inner product: $\\langle\\psi|\\psi\\rangle = 1$ for any state.</p>";
        String q3 = "<p>I simulate one qubit with $x^2$ amplitudes:</p>"
                + "<pre class=\"lang-python prettyprint-override\"><code>import numpy as np\n\ndef norm(v):\n"
                + "    return np.sqrt(v @ v)  # length\n</code></pre>";
        String a4 = "<p>Loop over the basis, $\\sqrt{2}$ apart:</p><pre><code>for i in range(3):\n    print(i)\n"
                + "</code></pre>";
        write(
                dir,
                "Posts.xml",
                "posts",
                "Id=\"1\" PostTypeId=\"1\" CreationDate=\"2019-01-01T10:00:00.000\" Score=\"3\" ViewCount=\"40\" Body=\""
                        + x(q1) + "\" OwnerUserId=\"2\" LastActivityDate=\"2019-03-01T10:00:00.000\""
                        + " Title=\"Why must the state $|\\psi\\rangle$ be normalised?\""
                        + " Tags=\"&lt;quantum-state&gt;&lt;normalization&gt;\" AnswerCount=\"1\" CommentCount=\"0\""
                        + " ContentLicense=\"CC BY-SA 4.0\"",
                "Id=\"2\" PostTypeId=\"2\" ParentId=\"1\" CreationDate=\"2019-01-02T10:00:00.000\" Score=\"2\" Body=\""
                        + x(a2) + "\" OwnerUserId=\"3\" LastActivityDate=\"2019-01-02T10:00:00.000\" CommentCount=\"0\""
                        + " ContentLicense=\"CC BY-SA 4.0\"",
                "Id=\"3\" PostTypeId=\"1\" CreationDate=\"2019-02-01T10:00:00.000\" Score=\"1\" ViewCount=\"12\" Body=\""
                        + x(q3) + "\" OwnerUserId=\"3\" LastActivityDate=\"2019-02-02T10:00:00.000\""
                        + " Title=\"Simulating one qubit in Python\" Tags=\"&lt;python&gt;&lt;quantum-state&gt;\""
                        + " AnswerCount=\"1\" CommentCount=\"0\" ContentLicense=\"CC BY-SA 4.0\"",
                "Id=\"4\" PostTypeId=\"2\" ParentId=\"3\" CreationDate=\"2019-02-02T10:00:00.000\" Score=\"0\" Body=\""
                        + x(a4) + "\" OwnerUserId=\"2\" LastActivityDate=\"2019-02-02T10:00:00.000\" CommentCount=\"0\""
                        + " ContentLicense=\"CC BY-SA 4.0\"");
        write(dir, "Comments.xml", "comments");
        write(dir, "Votes.xml", "votes");
        write(dir, "Badges.xml", "badges");
        write(dir, "PostLinks.xml", "postlinks");
        String body1 =
                "Given $|\\psi\\rangle = \\alpha|0\\rangle + \\beta|1\\rangle$ with $a_1 * b_2 * c$, show that\n\n"
                        + "$$|\\alpha|^2 + |\\beta|^2 = 1$$";
        String body2 =
                "Given a normalised $|\\psi\\rangle = \\alpha|0\\rangle + \\beta|1\\rangle$ with $a_1 * b_2 * c$,"
                        + " show that\n\n$$|\\alpha|^2 + |\\beta|^2 = 1$$\n\nIt costs \\$5 to ask.";
        String voters = "{\"Voters\":[{\"Id\":4,\"DisplayName\":\"Cy Closer\"},{\"Id\":3,\"DisplayName\":\"Bo Gate\"},"
                + "{\"Id\":777,\"DisplayName\":\"Old Voter\"}]}";
        write(
                dir,
                "PostHistory.xml",
                "posthistory",
                h(1, 1, "g1", "2019-01-01T10:00:00.000", "2", null, "How must the state be normalised?"),
                h(2, 2, "g1", "2019-01-01T10:00:00.000", "2", null, body1),
                h(3, 3, "g1", "2019-01-01T10:00:00.000", "2", null, "<quantum-state>"),
                h(4, 25, "t1", "2019-01-01T11:00:00.000", null, "http://twitter.com/#!/x/status/1", null),
                h(5, 5, "g2", "2019-01-05T10:00:00.000", "529", "clarified the normalisation", body2),
                h(
                        6,
                        4,
                        "g2",
                        "2019-01-05T10:00:00.000",
                        "529",
                        "clarified the normalisation",
                        "Why must the state $|\\psi\\rangle$ be normalised?"),
                h(7, 6, "g3", "2019-01-06T10:00:00.000", "3", "tags", "<quantum-state><normalization>"),
                h(8, 10, "c1", "2019-01-07T10:00:00.000", "4", "103", voters),
                h(
                        9,
                        11,
                        "r1",
                        "2019-01-08T10:00:00.000",
                        "2",
                        null,
                        "{\"Voters\":[{\"Id\":2,\"DisplayName\":\"Ada Qubit\"}]}"),
                h(10, 52, "hot", "2019-01-09T10:00:00.000", null, null, null),
                h(11, 66, "w", "2019-01-01T10:00:00.000", "2", null, null),
                h(
                        12,
                        2,
                        "g4",
                        "2019-01-02T10:00:00.000",
                        "3",
                        null,
                        "Take the inner product: $\\langle\\psi|\\psi\\rangle = 1$ for any state."),
                h(13, 1, "g5", "2019-02-01T10:00:00.000", "3", null, "Simulating one qubit in Python"),
                h(
                        14,
                        2,
                        "g5",
                        "2019-02-01T10:00:00.000",
                        "3",
                        null,
                        "I simulate one qubit with $x^2$ amplitudes:\n\n<!-- language: lang-python -->\n\n"
                                + "    import numpy as np\n"),
                h(15, 3, "g5", "2019-02-01T10:00:00.000", "3", null, "<python><quantum-state>"));
    }

    private static String h(int id, int type, String guid, String at, String user, String comment, String text) {
        StringBuilder b = new StringBuilder("Id=\"" + id + "\" PostHistoryTypeId=\"" + type + "\" PostId=\""
                + (id == 12 ? 2 : id >= 13 ? 3 : 1) + "\" RevisionGUID=\"" + guid + "\" CreationDate=\"" + at + "\"");
        if (user != null) {
            b.append(" UserId=\"").append(user).append('"');
        }
        if (comment != null) {
            b.append(" Comment=\"").append(x(comment)).append('"');
        }
        if (text != null) {
            b.append(" Text=\"").append(x(text)).append('"');
        }
        return b.append(" ContentLicense=\"CC BY-SA 4.0\"").toString();
    }

    /** Starts the import; its id. (The test JVM has no JSON-P provider: the two fields are read by pattern.) */
    private static long importDump(Path dir, String name, String h) throws Exception {
        String form = "dir=" + URLEncoder.encode(dir.toString(), StandardCharsets.UTF_8) + "&site=" + name + "&host="
                + URLEncoder.encode(h, StandardCharsets.UTF_8);
        HttpURLConnection c = admin("POST", "/api/imports");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        try (OutputStream out = c.getOutputStream()) {
            out.write(form.getBytes(StandardCharsets.UTF_8));
        }
        String body = read(c);
        assertEquals(202, c.getResponseCode(), body);
        return Long.parseLong(field(body, "id"));
    }

    private static String field(String json, String name) {
        Matcher m =
                Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([A-Za-z0-9_]+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static void awaitImport(long id) throws Exception {
        for (int i = 0; i < 240; i++) {
            HttpURLConnection c = admin("GET", "/api/imports/" + id);
            String s = read(c);
            String status = field(s, "status");
            if (status.equals("COMPLETED")) {
                return;
            }
            if (status.equals("FAILED")) {
                throw new AssertionError("the fixture's import failed: " + s);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the fixture's import did not finish");
    }

    private static HttpURLConnection admin(String method, String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + Http.port() + path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setRequestProperty("Host", "localhost:" + Http.port());
        c.setRequestProperty("Accept", "application/json");
        String password = ParleyDeployment.adminPassword();
        c.setRequestProperty(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        return c;
    }

    private static String read(HttpURLConnection c) throws IOException {
        int status = c.getResponseCode();
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
