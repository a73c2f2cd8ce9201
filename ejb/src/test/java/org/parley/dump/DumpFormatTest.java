package org.parley.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DumpFormatTest {

    @Test
    void extrasKeepAnyValueExactly() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("Location", "Köln & \"Bonn\" <DE>");
        in.put("AboutMe", "<p>line one</p>\r\n<p>two\tcolumns</p>");
        in.put("Empty", "");
        assertEquals(in, Extras.decode(Extras.encode(in)));
        assertEquals(
                List.copyOf(in.keySet()),
                List.copyOf(Extras.decode(Extras.encode(in)).keySet()),
                "order kept");
        assertNull(Extras.encode(Map.of()));
        assertEquals(Map.of(), Extras.decode(null));
    }

    @Test
    void datesReadBothFormsAndWriteTheDumpsForm() {
        assertEquals(Instant.parse("2010-08-25T19:50:51.187Z"), DumpDates.parse("2010-08-25T19:50:51.187"));
        assertEquals(Instant.parse("2010-08-25T00:00:00Z"), DumpDates.parse("2010-08-25"));
        assertEquals(Instant.parse("2010-08-25T19:50:51Z"), DumpDates.parse("2010-08-25T19:50:51"));
        assertEquals("2010-08-25T19:50:51.000", DumpDates.format(Instant.parse("2010-08-25T19:50:51Z")));
        assertNull(DumpDates.parse(" "));
        assertThrows(IllegalArgumentException.class, () -> DumpDates.parse("25/08/2010"));
    }

    @Test
    void noLimitOnTheTotalOfCharacterEntitiesABigDumpHas(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // The JDK stops at 50,000,000 characters of entities per document by default; a 1M-question Posts.xml has more.
        // Lower that default here so that a small file shows the reader lifts it.
        String before = System.getProperty("jdk.xml.totalEntitySizeLimit");
        System.setProperty("jdk.xml.totalEntitySizeLimit", "1000");
        try {
            StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<tags>\n");
            for (int i = 0; i < 100; i++) {
                b.append("  <row Id=\"")
                        .append(i)
                        .append("\" TagName=\"")
                        .append("&lt;&gt;".repeat(20))
                        .append("\" />\n");
            }
            b.append("</tags>");
            java.nio.file.Files.writeString(dir.resolve("Tags.xml"), b.toString());
            try (DumpReader r = DumpReader.open(dir, DumpFile.TAGS)) {
                while (r.next() != null) {
                    // read all 4,000 references
                }
                assertEquals(100, r.ordinal());
            }
        } finally {
            if (before == null) {
                System.clearProperty("jdk.xml.totalEntitySizeLimit");
            } else {
                System.setProperty("jdk.xml.totalEntitySizeLimit", before);
            }
        }
    }

    @Test
    void escapingIsTheDumps() {
        StringBuilder b = new StringBuilder();
        DumpXmlWriter.escape(b, "a&b<c>\"d\"'e'\r\n\t");
        assertEquals("a&amp;b&lt;c&gt;&quot;d&quot;'e'&#xD;&#xA;&#x9;", b.toString());
    }
}
