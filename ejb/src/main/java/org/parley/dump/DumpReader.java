package org.parley.dump;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the rows of one dump file with StAX: memory stays flat whatever the file's size. Accepts a UTF-8 byte-order
 * mark, CRLF or LF, and absent attributes. Everything that makes the file unreadable — missing, not XML, cut off, not
 * UTF-8, another root element — is a {@link DumpFormatException} naming the file and line. No DTDs or external
 * entities are resolved.
 */
public final class DumpReader implements AutoCloseable {

    private final DumpFile kind;
    private final String name;
    private final CountingStream bytes;
    private final XMLStreamReader xml;
    private long ordinal;
    private int lastRowLine;
    private boolean ended;

    private DumpReader(DumpFile kind, Path file) {
        this.kind = kind;
        this.name = file.getFileName().toString();
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new DumpFormatException(name, 0, "file is missing (" + file + ")", e);
        } catch (IOException e) {
            throw new DumpFormatException(name, 0, "cannot be read: " + e.getMessage(), e);
        }
        this.bytes = new CountingStream(new BufferedInputStream(in, 1 << 16));
        try {
            this.xml = newFactory().createXMLStreamReader(bytes);
            String encoding = xml.getEncoding();
            if (encoding != null
                    && !encoding.toUpperCase(Locale.ROOT).replace("-", "").equals("UTF8")) {
                throw new DumpFormatException(name, 1, "wrong encoding " + encoding + "; dumps are UTF-8", null);
            }
            openRoot();
        } catch (XMLStreamException e) {
            closeQuietly();
            throw problem(e);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /**
     * Opens {@code kind}'s file in {@code dir}.
     *
     * @throws DumpFormatException when it is missing or does not start like a dump file of that kind
     */
    public static DumpReader open(Path dir, DumpFile kind) {
        return new DumpReader(kind, dir.resolve(kind.fileName()));
    }

    private void openRoot() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String root = xml.getLocalName();
                if (!root.equals(kind.root())) {
                    throw new DumpFormatException(
                            name, line(), "root element is <" + root + ">, expected <" + kind.root() + ">", null);
                }
                return;
            }
        }
        throw new DumpFormatException(name, line(), "no root element <" + kind.root() + ">", null);
    }

    /**
     * The next row, or null after the last.
     *
     * @throws DumpFormatException when the file turns out to be malformed, cut off or not UTF-8
     */
    public DumpRow next() {
        if (ended) {
            return null;
        }
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    int line = line();
                    if (!"row".equals(xml.getLocalName())) {
                        skipElement();
                        continue;
                    }
                    int n = xml.getAttributeCount();
                    Map<String, String> attributes = new LinkedHashMap<>(n * 2);
                    for (int i = 0; i < n; i++) {
                        attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
                    }
                    skipElement();
                    lastRowLine = line;
                    return new DumpRow(++ordinal, line, attributes);
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    // The root closes: check that nothing but white space follows.
                    while (xml.hasNext()) {
                        xml.next();
                    }
                    ended = true;
                    return null;
                }
            }
            throw new DumpFormatException(name, line(), "file ends before </" + kind.root() + ">", null);
        } catch (XMLStreamException e) {
            throw problem(e);
        }
    }

    /** Reads past {@code rows} rows, e.g. to resume after a checkpoint. */
    public void skip(long rows) {
        for (long i = 0; i < rows; i++) {
            if (next() == null) {
                return;
            }
        }
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private DumpFormatException problem(XMLStreamException e) {
        int line = e.getLocation() != null ? e.getLocation().getLineNumber() : line();
        String message = e.getMessage();
        // The JDK's parser prefixes its message with the position; the exception carries the line already.
        int idx = message == null ? -1 : message.indexOf("Message: ");
        if (idx >= 0) {
            message = message.substring(idx + "Message: ".length());
        }
        if (message != null && message.contains("must start and end within the same entity")) {
            message = "file is cut off (" + message + ")";
            // At the end of the input the parser's location is not reliable; the file's last line is where it stops.
            line = (int) bytes.newlines + 1;
        } else {
            line = Math.max(line, lastRowLine);
        }
        // Not chained: the parser's exception holds a Location that cannot be serialised into the job repository.
        return new DumpFormatException(name, Math.max(line, 0), "not a readable dump file: " + message, null);
    }

    private int line() {
        return xml == null || xml.getLocation() == null ? 0 : xml.getLocation().getLineNumber();
    }

    /** The rows returned so far. */
    public long ordinal() {
        return ordinal;
    }

    /** About how many bytes of the file were read (the parser reads ahead). */
    public long bytesRead() {
        return bytes.count;
    }

    public DumpFile kind() {
        return kind;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (xml != null) {
                xml.close();
            }
        } catch (XMLStreamException ignored) {
            // closing the stream below is what matters
        }
        try {
            bytes.close();
        } catch (IOException ignored) {
            // nothing was written
        }
    }

    /**
     * The JDK's StAX parser without DTDs or external entities, so that only the five predefined entities and character
     * references can occur; that makes its entity-size limits pointless, and they break real dumps: a big Posts.xml has
     * far more than the default 50,000,000 characters of {@code &lt;}-style references in total.
     */
    static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        for (String limit : ENTITY_LIMITS) {
            try {
                f.setProperty(limit, "0");
            } catch (IllegalArgumentException unsupported) {
                // another StAX implementation without these limits
            }
        }
        return f;
    }

    private static final String[] ENTITY_LIMITS = {
        "http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit",
        "http://www.oracle.com/xml/jaxp/properties/maxGeneralEntitySizeLimit",
        "http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit"
    };

    private static final class CountingStream extends FilterInputStream {
        long count;
        long newlines;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
                if (b == '\n') {
                    newlines++;
                }
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                for (int i = off; i < off + n; i++) {
                    if (b[i] == '\n') {
                        newlines++;
                    }
                }
            }
            return n;
        }
    }
}
