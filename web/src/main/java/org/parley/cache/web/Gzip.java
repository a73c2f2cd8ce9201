package org.parley.cache.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Compression that Parley does once and keeps: the output cache's pages and the versioned assets are stored both as
 * they are and gzip-compressed, so a hit costs no compression. Everything else is compressed by Undertow's gzip
 * filter (wildfly-config/install-compression.cli), which leaves a response alone once it names a Content-Encoding.
 */
final class Gzip {

    /** Below this many bytes compression does not pay (it fits in one packet anyway); the server's filter agrees. */
    static final int MIN_BYTES = 1000;
    /** The suffix that makes a compressed representation's ETag differ from the uncompressed one's (RFC 9110 8.8.3). */
    private static final String ETAG_SUFFIX = ".gz";

    private Gzip() {}

    /**
     * The bytes gzip-compressed at the best level (done once per stored page or asset), or an empty array when they
     * are too small to be worth it or would not shrink by a tenth.
     */
    static byte[] compress(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] compressed = out.toByteArray();
        return compressed.length > bytes.length * 9L / 10 ? new byte[0] : compressed;
    }

    /** Whether the request's Accept-Encoding headers accept gzip (RFC 9110 12.5.3: a q of 0 refuses). */
    static boolean accepted(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders("Accept-Encoding");
        if (headers == null) {
            return false;
        }
        StringBuilder all = new StringBuilder();
        while (headers.hasMoreElements()) {
            all.append(headers.nextElement()).append(',');
        }
        return accepted(all.toString());
    }

    /** As {@link #accepted(HttpServletRequest)}, for the value of the header(s); {@code null} accepts nothing. */
    static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Double gzip = null;
        Double any = null;
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.split(";");
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                    try {
                        q = Double.parseDouble(p.substring(2).trim());
                    } catch (NumberFormatException e) {
                        q = 0; // an unreadable weight is no consent
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = gzip == null ? q : Math.max(gzip, q);
            } else if (coding.equals("*")) {
                any = q;
            }
        }
        if (gzip != null) {
            return gzip > 0;
        }
        return any != null && any > 0;
    }

    /** The ETag of the compressed representation of what {@code etag} (a quoted strong tag) names. */
    static String etag(String etag) {
        return etag.substring(0, etag.length() - 1) + ETAG_SUFFIX + "\"";
    }

    /**
     * Whether If-None-Match names either representation of {@code etag} (a quoted strong tag), or {@code *}; weak
     * comparison, as RFC 9110 13.1.2 asks for it. {@code null} matches nothing.
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String gz = etag(etag);
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(etag) || t.equals(gz)) {
                return true;
            }
        }
        return false;
    }
}
