package org.parley.image.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The proxy serves PNG, JPEG, GIF and WebP, told by their bytes, and nothing else. */
class ImageTypesTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Test
    void theFourTypesAreToldByTheirFirstBytes() {
        assertEquals("image/png", ImageTypes.sniff(PNG));
        assertEquals("image/jpeg", ImageTypes.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}));
        assertEquals("image/gif", ImageTypes.sniff("GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("image/gif", ImageTypes.sniff("GIF87a".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(
                "image/webp",
                ImageTypes.sniff("RIFF\u0024\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void svgHtmlAndEverythingElseAreNotImages() {
        assertNull(ImageTypes.sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8)));
        assertNull(ImageTypes.sniff("<!doctype html><title>x</title>".getBytes(StandardCharsets.UTF_8)));
        assertNull(ImageTypes.sniff("RIFF\u0024\u0000\u0000\u0000WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)));
        assertNull(ImageTypes.sniff(new byte[] {(byte) 0x89, 'P', 'N'}));
        assertNull(ImageTypes.sniff(new byte[0]));
    }

    @Test
    void aHeaderThatNamesSomethingElseIsRefusedBeforeTheBodyIsRead() {
        assertTrue(ImageTypes.acceptableHeader(null));
        assertTrue(ImageTypes.acceptableHeader("image/png"));
        assertTrue(ImageTypes.acceptableHeader("IMAGE/JPEG; charset=binary"));
        assertTrue(ImageTypes.acceptableHeader("application/octet-stream"));
        assertFalse(ImageTypes.acceptableHeader("image/svg+xml"));
        assertFalse(ImageTypes.acceptableHeader("text/html; charset=utf-8"));
        assertFalse(ImageTypes.acceptableHeader("application/xml"));
    }
}
