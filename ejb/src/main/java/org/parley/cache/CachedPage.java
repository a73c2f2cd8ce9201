package org.parley.cache;

import java.util.Objects;

/**
 * A whole page as the output cache keeps it for anonymous visitors: the bytes sent, their type, a strong ETag
 * computed from the bytes and when the page was rendered; and the same bytes gzip-compressed, once, for the clients
 * that accept it (empty when the page is too small to be worth compressing); and the script sources the page's
 * Content-Security-Policy must allow for its inline scripts, the {@code 'sha256-...'} hashes of their text, computed
 * once when the page was stored (space-separated, empty when it has none; {@code null} for a page stored by a server
 * that did not compute them, which is not served: a replayed page never carries a per-request nonce).
 */
public record CachedPage(
        String contentType, byte[] body, String etag, long lastModifiedMillis, byte[] gzip, String scriptSources) {

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

    /** A page without inline scripts. */
    public CachedPage(String contentType, byte[] body, String etag, long lastModifiedMillis, byte[] gzip) {
        this(contentType, body, etag, lastModifiedMillis, gzip, "");
    }

    /** A page without inline scripts, kept uncompressed only. */
    public CachedPage(String contentType, byte[] body, String etag, long lastModifiedMillis) {
        this(contentType, body, etag, lastModifiedMillis, new byte[0]);
    }

    /** Whether a compressed copy is kept. */
    public boolean compressed() {
        return gzip.length > 0;
    }
}
