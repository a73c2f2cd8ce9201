package org.parley.dump;

/**
 * A dump file that cannot be read: missing, not XML, cut off, in another encoding or with the wrong root element.
 * The message names the file and, where known, the line.
 */
public class DumpFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    public DumpFormatException(String file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    public String getFile() {
        return file;
    }

    /** The line, or 0 when unknown. */
    public int getLine() {
        return line;
    }
}
