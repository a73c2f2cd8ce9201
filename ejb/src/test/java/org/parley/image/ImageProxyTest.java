package org.parley.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.markdown.MarkdownRenderer;

/** Remote images in rendered posts point at the signed image proxy (issue 18, item 6). */
class ImageProxyTest {

    private static final Pattern PROXIED = Pattern.compile("src=\"/img/proxy\\?u=([^&\"]*)&amp;s=([A-Za-z0-9_-]+)\"");

    private final ImageProxy images = ImageProxy.withSecret("a test secret of the image proxy");
    private final MarkdownRenderer markdown = MarkdownRenderer.shared();

    @Test
    void aRemoteImageInAPostGoesThroughTheProxyWithASignatureOfItsUrl() {
        String url = "http://tracker.example/pixel.png?u=42&m=7";
        String html = images.rewrite(markdown.toSafeHtml("Look: ![a cat](" + url + ") nice"), Set.of("q.example"));
        assertFalse(html.contains("tracker.example/pixel"), "the browser is never sent there: " + html);
        Matcher m = PROXIED.matcher(html);
        assertTrue(m.find(), html);
        String u = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        assertEquals(url, u, "the URL the proxy gets is the one the post has, unescaped");
        assertTrue(images.verify(u, m.group(2)));
        assertEquals(images.sign(url), m.group(2));
        assertTrue(html.contains("alt=\"a cat\""), html);
        assertTrue(html.startsWith("<p>Look: ") && html.strip().endsWith(" nice</p>"), html);
    }

    @Test
    void theAddressIsStableAndOnlyTheSameSecretSignsIt() {
        String url = "https://i.example.com/a.png";
        assertEquals(images.path(url), images.path(url));
        assertEquals(
                images.path(url),
                ImageProxy.withSecret("a test secret of the image proxy").path(url));
        ImageProxy other = ImageProxy.withSecret("another secret, another cluster");
        assertNotEquals(images.sign(url), other.sign(url));
        assertFalse(other.verify(url, images.sign(url)));
        assertFalse(images.verify("https://i.example.com/b.png", images.sign(url)), "a signature fits one URL only");
        assertFalse(images.verify(url, images.sign(url).substring(1)));
        assertFalse(images.verify(url, null));
        assertFalse(images.verify(null, images.sign(url)));
        assertTrue(images.sign(url).matches("[A-Za-z0-9_-]{43}"), "base64url without padding: " + images.sign(url));
    }

    @Test
    void imagesOfTheSiteItselfBecomePathsAndOthersStayAsTheyAre() {
        Set<String> own = Set.of("q.example", "alias.example");
        assertEquals("/files/a.png?x=1", images.src("https://Q.example/files/a.png?x=1", own));
        assertEquals("/", images.src("http://alias.example", own));
        assertTrue(images.src("http://q.example:8081/a.png", own).startsWith("/img/proxy?u="), "another port");
        assertTrue(images.src("http://q.example//evil.example/a.png", own).startsWith("/img/proxy?u="));
        assertNull(images.src("/files/a.png", own));
        assertNull(images.src("data:image/png;base64,iVBORw0KGgo=", own));
        assertNull(images.src("ftp://q.example/a.png", own));
        assertNull(images.src("https://x.example/" + "a".repeat(ImageProxy.MAX_URL), own));

        String local = "<p><img src=\"/avatars/3.png\" alt=\"me\" /></p>";
        assertEquals(local, images.rewrite(local, own));
        String text = markdown.toSafeHtml("Just **words** and a [link](https://example.com).");
        assertEquals(text, images.rewrite(text, own));
        assertNull(images.rewrite(null, own));
        assertEquals(
                "<p><img src=\"/a.png\" alt=\"\" /></p>",
                images.rewrite("<p><img src=\"https://q.example/a.png\" alt=\"\" /></p>", own));
    }

    @Test
    void everyImageOfImportedHtmlIsRewritten() {
        String html = markdown.sanitize("<p><img src=\"https://i.stack.imgur.com/abc.png\" alt=\"one\">"
                + " and <img alt=\"two\" src=\"http://example.org/b.gif?a=1&amp;b=2\" width=\"20\"></p>");
        String out = images.rewrite(html, List.of());
        Matcher m = PROXIED.matcher(out);
        assertTrue(m.find(), out);
        assertEquals("https://i.stack.imgur.com/abc.png", URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
        assertTrue(m.find(), out);
        assertEquals("http://example.org/b.gif?a=1&b=2", URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
        assertTrue(images.verify("http://example.org/b.gif?a=1&b=2", m.group(2)));
        assertTrue(out.contains("width=\"20\""), out);
    }

    @Test
    void theSecretIsMadeOnceAndKeptPrivate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("parley").resolve("image-proxy-secret");
        String first = ImageProxySecret.readOrCreate(file);
        assertTrue(first.length() >= ImageProxySecret.MIN_LENGTH, first);
        assertEquals(first, ImageProxySecret.readOrCreate(file), "read again, not made again");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertNotEquals(first, ImageProxySecret.readOrCreate(dir.resolve("other")), "random");
    }
}
