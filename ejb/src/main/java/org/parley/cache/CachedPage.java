package org.parley.cache;

import java.util.Objects;

/**
 * A whole page as the output cache keeps it for anonymous visitors: the bytes sent, their type, a strong ETag
 * computed from the bytes and when the page was rendered.
 */
public record CachedPage(String contentType, byte[] body, String etag, long lastModifiedMillis) {

    public CachedPage {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(etag, "etag");
    }
}
