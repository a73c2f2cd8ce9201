package org.parley.dump;

import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.common.Columns;

/**
 * The attributes of a dump row that Parley's tables have no column for, kept in one text column as
 * {@code Name="value" Name2="value2"} (values escaped like the dump's own), so that export writes them back unchanged.
 */
public final class Extras {

    /** The longest an extras text may be: the column that keeps it. */
    public static final int MAX_TEXT = Columns.LONG_TEXT;

    private Extras() {}

    /** The encoded form; null when there is nothing to keep. */
    public static String encode(Map<String, String> extras) {
        if (extras == null || extras.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : extras.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(e.getKey()).append("=\"");
            DumpXmlWriter.escape(b, e.getValue());
            b.append('"');
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** The attributes of an encoded string, in order; empty for null. */
    public static Map<String, String> decode(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null) {
            return out;
        }
        int i = 0;
        int n = encoded.length();
        while (i < n) {
            while (i < n && encoded.charAt(i) == ' ') {
                i++;
            }
            int eq = encoded.indexOf("=\"", i);
            if (eq < 0) {
                break;
            }
            String name = encoded.substring(i, eq);
            int end = encoded.indexOf('"', eq + 2);
            out.put(name, unescape(encoded.substring(eq + 2, end)));
            i = end + 1;
        }
        return out;
    }

    private static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '&') {
                b.append(c);
                continue;
            }
            int semi = s.indexOf(';', i);
            String entity = s.substring(i + 1, semi);
            switch (entity) {
                case "amp" -> b.append('&');
                case "lt" -> b.append('<');
                case "gt" -> b.append('>');
                case "quot" -> b.append('"');
                default -> b.append((char) Integer.parseInt(entity.substring(2), 16));
            }
            i = semi;
        }
        return b.toString();
    }
}
