package org.parley.dump;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes one dump file the way the public dumps look: UTF-8 with a byte-order mark, CRLF line ends, one
 * {@code <row .../>} per line, attributes in {@link DumpFile#attributes()} order and then any others, NULL written by
 * leaving the attribute out, line breaks in values as {@code &#xD;&#xA;}.
 */
public final class DumpXmlWriter implements AutoCloseable {

    private static final String EOL = "\r\n";

    private final DumpFile kind;
    private final Writer out;
    private long rows;

    public DumpXmlWriter(Path dir, DumpFile kind) {
        this.kind = kind;
        try {
            OutputStream stream = Files.newOutputStream(dir.resolve(kind.fileName()));
            this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            out.write('\uFEFF');
            out.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + EOL + "<" + kind.root() + ">" + EOL);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir.resolve(kind.fileName()), e);
        }
    }

    /** Writes one row; null values are left out. */
    public void row(Map<String, String> attributes) {
        try {
            StringBuilder b = new StringBuilder(256);
            b.append("  <row");
            for (String name : kind.attributes()) {
                append(b, name, attributes.get(name));
            }
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                if (!kind.attributes().contains(e.getKey())) {
                    append(b, e.getKey(), e.getValue());
                }
            }
            b.append(" />").append(EOL);
            out.write(b.toString());
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(StringBuilder b, String name, String value) {
        if (value == null) {
            return;
        }
        b.append(' ').append(name).append("=\"");
        escape(b, value);
        b.append('"');
    }

    /** Escapes an attribute value the way the dumps do. */
    public static void escape(StringBuilder b, String value) {
        // Runs between escaped characters are copied whole: bodies are long and the export and the generator write
        // millions of them.
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            String entity = switch (value.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\r' -> "&#xD;";
                case '\n' -> "&#xA;";
                case '\t' -> "&#x9;";
                default -> null;
            };
            if (entity != null) {
                b.append(value, from, i).append(entity);
                from = i + 1;
            }
        }
        b.append(value, from, value.length());
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            out.write("</" + kind.root() + ">");
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
