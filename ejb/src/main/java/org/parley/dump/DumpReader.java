package org.parley.dump;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxEOFException;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 * Streams the rows of one dump file with StAX (Woodstox): memory stays flat whatever the file's size. Accepts a
 * UTF-8 byte-order mark, CRLF or LF, and absent attributes. Everything that makes the file unreadable — missing, not XML, cut off, not
 * UTF-8, another root element — is a {@link DumpFormatException} naming the file and line. No DTDs or external
 * entities are resolved.
 */
public final class DumpReader implements AutoCloseable {

    private final DumpFile kind;
    private final String name;
    private final Path file;
    private final CountingStream bytes;
    private final XMLStreamReader xml;
    private long ordinal;
    private int lastRowLine;
    private boolean ended;

    private DumpReader(DumpFile kind, Path file) {
        this.kind = kind;
        this.name = file.getFileName().toString();
        this.file = file;
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
        // Woodstox appends the position to its message; the exception carries the line already.
        int idx = message == null ? -1 : message.indexOf("\n at [");
        if (idx >= 0) {
            message = message.substring(0, idx);
        }
        if (e instanceof WstxEOFException) {
            message = "file is cut off (" + message + ")";
            // At the end of the input the parser's location is not reliable; the file's last line is where it stops.
            line = (int) bytes.newlines + 1;
        } else if (notUtf8(e)) {
            // Woodstox decodes a block of bytes ahead of what it parses, so its position is not the bad byte's.
            line = lineOfFirstBadByte(file);
        } else {
            line = Math.max(line, lastRowLine);
        }
        // Not chained: the parser's exception holds a Location that cannot be serialised into the job repository.
        return new DumpFormatException(name, Math.max(line, 0), "not a readable dump file: " + message, null);
    }

    private static boolean notUtf8(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharConversionException || t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    /** The line of the first byte that is not UTF-8 (the file's last line when none is found), counting from 1. */
    static int lineOfFirstBadByte(Path file) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        int line = 1;
        try (InputStream s = Files.newInputStream(file)) {
            int n;
            while ((n = s.read(in.array(), in.position(), in.remaining())) > 0) {
                in.position(in.position() + n);
                in.flip();
                int start = in.position();
                CoderResult r = utf8.decode(in, out, false);
                out.clear();
                for (int i = start; i < in.position(); i++) {
                    if (in.get(i) == '\n') {
                        line++;
                    }
                }
                if (r.isError()) {
                    return line;
                }
                in.compact();
            }
        } catch (IOException e) {
            // the parser's problem stands; the line is the best found so far
        }
        return line;
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
     * Woodstox's StAX parser without DTDs or external entities, so that only the five predefined entities and
     * character references can occur. Not the JDK's: that one counts every character reference of an attribute value
     * (the {@code &lt;} of every body's HTML) against its entity-size limits even when they are switched off, and
     * parses a post for about a third more CPU. Woodstox's own size limits are lifted: a dump's bodies and
     * PostHistory texts are attribute values of any length, and a file has millions of rows.
     */
    static XMLInputFactory newFactory() {
        XMLInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, Integer.MAX_VALUE);
        f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, Integer.MAX_VALUE);
        f.setProperty(WstxInputProperties.P_MAX_CHARACTERS, Long.MAX_VALUE);
        f.setProperty(WstxInputProperties.P_MAX_CHILDREN_PER_ELEMENT, Integer.MAX_VALUE); // Votes.xml: millions of rows
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, Long.MAX_VALUE);
        return f;
    }

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
