package org.parley.cache;

import java.util.Objects;

/**
 * A whole page as the output cache keeps it for anonymous visitors: the bytes sent, their type, a strong ETag
 * computed from the bytes and when the page was rendered; and the same bytes gzip-compressed, once, for the clients
 * that accept it (empty when the page is too small to be worth compressing).
 */
public record CachedPage(String contentType, byte[] body, String etag, long lastModifiedMillis, byte[] gzip) {

    public CachedPage {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(etag, "etag");
        gzip = gzip == null ? new byte[0] : gzip;
    }

    /** A page kept uncompressed only. */
    public CachedPage(String contentType, byte[] body, String etag, long lastModifiedMillis) {
        this(contentType, body, etag, lastModifiedMillis, new byte[0]);
    }

    /** Whether a compressed copy is kept. */
    public boolean compressed() {
        return gzip.length > 0;
    }
}
