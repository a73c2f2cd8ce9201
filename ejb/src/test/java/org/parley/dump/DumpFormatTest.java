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
    assertEquals(List.copyOf(in.keySet()), List.copyOf(Extras.decode(Extras.encode(in)).keySet()), "order kept");
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
  void escapingIsTheDumps() {
    StringBuilder b = new StringBuilder();
    DumpXmlWriter.escape(b, "a&b<c>\"d\"'e'\r\n\t");
    assertEquals("a&amp;b&lt;c&gt;&quot;d&quot;'e'&#xD;&#xA;&#x9;", b.toString());
  }
}
