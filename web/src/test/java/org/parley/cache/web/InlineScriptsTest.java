package org.parley.cache.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InlineScriptsTest {

    @Test
    void noncesGoAndInlineScriptsAreHashedAsBrowsersHashThem() {
        String page = "<html><head><script src=\"/r/a.js\" nonce=\"N1\"></script>"
                + "<script nonce=\"N1\" type=\"text/javascript\">PrimeFaces.csp.init('N1');</script></head>"
                + "<body><p>script &lt;script nonce=\"x\"&gt; in text</p>"
                + "<SCRIPT nonce='N1'>a();\r\nb();</SCRIPT></body></html>";
        InlineScripts.Hashed hashed = InlineScripts.of(page.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertEquals(
                "<html><head><script src=\"/r/a.js\"></script>"
                        + "<script type=\"text/javascript\">PrimeFaces.csp.init('N1');</script></head>"
                        + "<body><p>script &lt;script nonce=\"x\"&gt; in text</p>"
                        + "<script>a();\r\nb();</script></body></html>",
                new String(hashed.body(), StandardCharsets.UTF_8));
        assertEquals(
                InlineScripts.source("PrimeFaces.csp.init('N1');") + " " + InlineScripts.source("a();\nb();"),
                hashed.sources());
        // printf 'a();\nb();' | openssl dgst -sha256 -binary | base64: CR LF hashed as LF.
        assertEquals("'sha256-wrEMctykYIJXhAyfCKKphjLeSVuUKhNQ4uVZWiS2cTQ='", InlineScripts.source("a();\r\nb();"));
        assertEquals("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='", InlineScripts.source(""));
    }

    @Test
    void aPageWithoutScriptsIsKeptAsItIs() {
        byte[] page = "<p>ünïcode</p>".getBytes(StandardCharsets.UTF_8);
        InlineScripts.Hashed hashed = InlineScripts.of(page, StandardCharsets.UTF_8);
        assertSame(page, hashed.body());
        assertEquals("", hashed.sources());
    }

    @Test
    void aScriptWithoutNonceKeepsItsBytes() {
        byte[] page = "<script>x()</script >".getBytes(StandardCharsets.UTF_8);
        InlineScripts.Hashed hashed = InlineScripts.of(page, StandardCharsets.UTF_8);
        assertArrayEquals(page, hashed.body());
        assertEquals(InlineScripts.source("x()"), hashed.sources());
    }
}
