package org.parley.cache;

import java.util.Objects;

/**
 * A whole page as the output cache keeps it for anonymous visitors: the bytes sent, their type, a strong ETag
 * computed from the bytes and when the page was rendered; and the same bytes gzip-compressed, once, for the clients
 * that accept it (empty when the page is too small to be worth compressing).
 */
public record CachedPage(String contentType, byte[] body, String etag, long lastModifiedMillis, byte[] gzip) {

    /**
     * The request attribute a page sets when what it rendered must not be stored although it is a 200 (a tag
     * expression that is not one existing tag, whose URLs anyone can make up without end); its value says why.
     */
    public static final String NOT_STORED = "org.parley.cache.notStored";

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
