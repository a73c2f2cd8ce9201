package org.parley.dump;

import java.util.Map;

/**
 * One {@code <row .../>} of a dump file: its position (1-based ordinal among the rows, and the line it starts on) and
 * its attributes in file order, values already unescaped. An absent attribute means NULL. {@code prepared} is work an
 * importer did on the row ahead of writing it, on another thread (e.g. its sanitised body); null when none.
 */
public record DumpRow(long ordinal, int line, Map<String, String> attributes, Object prepared) {

    public DumpRow(long ordinal, int line, Map<String, String> attributes) {
        this(ordinal, line, attributes, null);
    }

    /** This row with {@code work} as its prepared work. */
    public DumpRow withPrepared(Object work) {
        return new DumpRow(ordinal, line, attributes, work);
    }

    public String get(String name) {
        return attributes.get(name);
    }

    /** The attribute as a long; null when absent or blank. */
    public Long getLong(String name) {
        String v = attributes.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        return Long.valueOf(v.trim());
    }

    /** The attribute as an int, or {@code otherwise} when absent or blank. */
    public int getInt(String name, int otherwise) {
        String v = attributes.get(name);
        return v == null || v.isBlank() ? otherwise : Integer.parseInt(v.trim());
    }
}
