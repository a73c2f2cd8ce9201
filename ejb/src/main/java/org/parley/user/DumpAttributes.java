package org.parley.user;

/**
 * Reads one attribute of an imported user's kept extras ({@code Name="value" Name2="value2"}, escaped like the dump's
 * XML; written by {@code org.parley.dump.Extras}, which the model cannot import). Only the profile's Location,
 * WebsiteUrl and ProfileImageUrl are read here.
 */
final class DumpAttributes {

    private DumpAttributes() {}

    /** The unescaped value of {@code name}, or null when the text is null or lacks it; a blank value gives null. */
    static String get(String encoded, String name) {
        if (encoded == null) {
            return null;
        }
        String key = name + "=\"";
        int i = 0;
        while (i < encoded.length()) {
            int at = encoded.indexOf(key, i);
            if (at < 0) {
                return null;
            }
            int end = encoded.indexOf('"', at + key.length());
            if (end < 0) {
                return null;
            }
            // A name starts the text or follows the space that ends the value before it.
            if (at == 0 || encoded.charAt(at - 1) == ' ') {
                String value =
                        unescape(encoded.substring(at + key.length(), end)).strip();
                return value.isEmpty() ? null : value;
            }
            i = end + 1;
        }
        return null;
    }

    private static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#xD;", "\r")
                .replace("&#xA;", "\n")
                .replace("&#x9;", "\t")
                .replace("&amp;", "&");
    }
}
