package org.parley.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.rules.InvalidInputException;

class MessageSearchRulesTest {

  private static final String S = MessageSearchRules.HIT_START;
  private static final String E = MessageSearchRules.HIT_END;

  @Test
  void aQueryNeedsWordsAndFitsTheLimit() {
    assertEquals("sunday ride", MessageSearchRules.checkQuery("  sunday ride \n"));
    assertEquals("\"a phrase\" -not pref*", MessageSearchRules.checkQuery("\"a phrase\" -not pref*"));
    assertEquals("x".repeat(200), MessageSearchRules.checkQuery("x".repeat(200)));
    assertEquals("Übung 2", MessageSearchRules.checkQuery("Übung 2"));
    for (String bad : new String[] {null, "", "   ", "\"", "* - |", "((", "x".repeat(201)}) {
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> MessageSearchRules.checkQuery(bad), String.valueOf(bad));
      assertFalse(e.getMessage().isBlank());
    }
    assertTrue(
        assertThrows(InvalidInputException.class, () -> MessageSearchRules.checkQuery("y".repeat(201)))
            .getMessage()
            .contains("at most 200"));
  }

  @Test
  void pagesAreWholeNumbersWithinTheResultWindow() {
    assertEquals(1, MessageSearchRules.checkPage(null));
    assertEquals(1, MessageSearchRules.checkPage(""));
    assertEquals(3, MessageSearchRules.checkPage(" 3 "));
    assertEquals(500, MessageSearchRules.checkPage("500"));
    for (String bad : new String[] {"0", "-1", "501", "abc", "1.5", "99999999999"}) {
      assertThrows(InvalidInputException.class, () -> MessageSearchRules.checkPage(bad), bad);
    }
  }

  @Test
  void snippetsEscapeEverythingAndMarkOnlyTheHighlightedTerms() {
    assertEquals(
        "see &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; on <mark>Sunday</mark> &amp; <mark>Monday</mark>",
        MessageSearchRules.snippetHtml(
            List.of("see <script>alert('x')</script> on " + S + "Sunday" + E + " & " + S + "Monday" + E), "unused"));
    // A body that spells the tags itself stays text.
    assertEquals(
        "&lt;mark&gt;not a hit&lt;/mark&gt; <mark>hit</mark>",
        MessageSearchRules.snippetHtml(List.of("<mark>not a hit</mark> " + S + "hit" + E), null));
  }

  @Test
  void unbalancedMarkersNeverLeaveATagOpen() {
    assertEquals("a<mark>b</mark>", MessageSearchRules.snippetHtml(List.of("a" + S + "b"), null));
    assertEquals("ab", MessageSearchRules.snippetHtml(List.of("a" + E + "b"), null));
    assertEquals("<mark>ab</mark>", MessageSearchRules.snippetHtml(List.of(S + "a" + S + "b" + E + E), null));
  }

  @Test
  void fragmentsAreJoinedAndAMissingOneFallsBackToTheEscapedExcerpt() {
    assertEquals(
        "one <mark>x</mark> … two <mark>x</mark>",
        MessageSearchRules.snippetHtml(List.of("one " + S + "x" + E, "two " + S + "x" + E), null));
    assertEquals("fish &amp; chips", MessageSearchRules.snippetHtml(List.of(), "fish & chips"));
    assertEquals("", MessageSearchRules.snippetHtml(null, null));
  }

  @Test
  void indexedTextCannotCarryTheMarkers() {
    assertEquals("ab", MessageSearchRules.searchableText("a" + S + "b" + E));
    assertEquals("plain & simple", MessageRules.plainText("<p>plain &amp; <em>simple</em></p>"));
  }
}
