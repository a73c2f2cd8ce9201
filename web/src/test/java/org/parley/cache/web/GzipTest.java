package org.parley.cache.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipTest {

    @Test
    void acceptEncodingIsReadWithItsWeights() {
        assertTrue(Gzip.accepted("gzip, deflate, br, zstd"));
        assertTrue(Gzip.accepted("br;q=1.0, GZIP;q=0.5"));
        assertTrue(Gzip.accepted("*"));
        assertTrue(Gzip.accepted("x-gzip"));
        assertFalse(Gzip.accepted((String) null));
        assertFalse(Gzip.accepted(""));
        assertFalse(Gzip.accepted("identity"));
        assertFalse(Gzip.accepted("br, deflate"));
        assertFalse(Gzip.accepted("gzip;q=0, identity"));
        assertFalse(Gzip.accepted("gzip;q=0.000"));
        assertFalse(Gzip.accepted("*;q=0"));
        assertFalse(Gzip.accepted("gzip;q=0, *"), "an explicit refusal beats the wildcard");
        assertFalse(Gzip.accepted("gzip;q=nonsense"));
    }

    @Test
    void bytesWorthCompressingAreCompressedOnceAndTinyOnesNot() throws IOException {
        byte[] page = "<p>A question page, with its answers.</p>\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        byte[] gz = Gzip.compress(page);
        assertTrue(gz.length > 0 && gz.length < page.length / 10);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertArrayEquals(page, in.readAllBytes());
        }
        assertEquals(0, Gzip.compress(new byte[Gzip.MIN_BYTES - 1]).length, "too small to be worth it");
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        assertEquals(0, Gzip.compress(noise).length, "what does not shrink is sent as it is");
    }

    @Test
    void eachRepresentationHasItsOwnTagAndEitherRevalidates() {
        String tag = "\"abc123\"";
        assertEquals("\"abc123.gz\"", Gzip.etag(tag));
        assertTrue(Gzip.matches("\"abc123\"", tag));
        assertTrue(Gzip.matches("\"abc123.gz\"", tag));
        assertTrue(Gzip.matches("W/\"abc123.gz\"", tag));
        assertTrue(Gzip.matches("\"other\", \"abc123\"", tag));
        assertTrue(Gzip.matches("*", tag));
        assertFalse(Gzip.matches("\"abc12\"", tag));
        assertFalse(Gzip.matches(null, tag));
    }
}
