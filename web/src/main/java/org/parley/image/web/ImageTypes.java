package org.parley.image.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The image types the proxy serves, told by their first bytes: PNG, JPEG, GIF and WebP. Nothing else is served,
 * whatever the other server's {@code Content-Type} says: SVG (which can hold script), HTML, and anything unknown.
 */
final class ImageTypes {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP = "WEBP".getBytes(StandardCharsets.US_ASCII);

    private ImageTypes() {}

    /** The type {@code bytes} start like ({@code image/png}, ...), or null when none of the four. */
    static String sniff(byte[] bytes) {
        if (startsWith(bytes, 0, PNG)) {
            return "image/png";
        }
        if (startsWith(bytes, 0, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(bytes, 0, GIF87) || startsWith(bytes, 0, GIF89)) {
            return "image/gif";
        }
        if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) {
            return "image/webp";
        }
        return null;
    }

    /**
     * Whether a {@code Content-Type} the other server sent may be an image worth reading: none, an {@code image/}
     * type other than SVG, or a generic binary type (servers often label images so). The bytes decide after.
     */
    static boolean acceptableHeader(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.startsWith("image/")) {
            return !type.startsWith("image/svg");
        }
        return type.equals("application/octet-stream") || type.equals("binary/octet-stream");
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
