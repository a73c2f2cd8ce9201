package org.parley.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.rules.InvalidInputException;

class MessageSearchRulesTest {

    @Test
    void aQueryNeedsWordsAndFitsTheLimit() {
        assertEquals("sunday ride", MessageSearchRules.checkQuery("  sunday ride \n"));
        assertEquals("\"a phrase\" -not pref*", MessageSearchRules.checkQuery("\"a phrase\" -not pref*"));
        assertEquals("x".repeat(200), MessageSearchRules.checkQuery("x".repeat(200)));
        assertEquals("Übung 2", MessageSearchRules.checkQuery("Übung 2"));
        for (String bad : new String[] {null, "", "   ", "\"", "* - |", "((", "x".repeat(201)}) {
            InvalidInputException e = assertThrows(
                    InvalidInputException.class, () -> MessageSearchRules.checkQuery(bad), String.valueOf(bad));
            assertFalse(e.getMessage().isBlank());
        }
        assertTrue(assertThrows(InvalidInputException.class, () -> MessageSearchRules.checkQuery("y".repeat(201)))
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
    void snippetsEscapeEverythingAndMarkOnlyTheQuerysWords() {
        assertEquals(
                "see &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; on <mark>Sunday</mark> &amp; <mark>Monday</mark>",
                MessageSearchRules.snippetHtml("see <script>alert('x')</script> on Sunday & Monday", "sunday monday"));
        // A body that spells the tags itself stays text; a query that does cannot inject them either.
        assertEquals(
                "&lt;<mark>mark</mark>&gt;not a hit&lt;/<mark>mark</mark>&gt;",
                MessageSearchRules.snippetHtml("<mark>not a hit</mark>", "<mark>"));
        assertEquals("no words match", MessageSearchRules.snippetHtml("no words match", "other"));
    }

    @Test
    void wordsMatchAsTheIndexFoldsThemWithPrefixesAndWithoutExcludedWords() {
        assertEquals(
                "<mark>Über</mark> <mark>café</mark> <mark>Cafés</mark> cafeteria",
                MessageSearchRules.snippetHtml("Über café Cafés cafeteria", "uber CAFE cafes"));
        assertEquals(
                "<mark>ride</mark> <mark>riding</mark> <mark>rides</mark> bride",
                MessageSearchRules.snippetHtml("ride riding rides bride", "rid*"));
        assertEquals(
                "<mark>fish</mark> and chips",
                MessageSearchRules.snippetHtml("fish and chips", "\"fish\" -chips -and"));
        assertEquals(List.of(), MessageSearchRules.terms("-only -excluded"));
        assertEquals(
                List.of(
                        new MessageSearchRules.Term("a", false),
                        new MessageSearchRules.Term("b", false),
                        new MessageSearchRules.Term("x", true)),
                MessageSearchRules.terms("a-b x*"),
                "a-b is two words, neither excluded");
    }

    @Test
    void longTextIsCutAroundTheFirstHitAtWordBoundaries() {
        String text = "lorem ipsum ".repeat(30) + "the needle is here " + "dolor sit ".repeat(30);
        String snippet = MessageSearchRules.snippetHtml(text, "needle");
        assertTrue(snippet.startsWith("… "), snippet);
        assertTrue(snippet.endsWith(" …"), snippet);
        assertTrue(snippet.contains("the <mark>needle</mark> is here"), snippet);
        String plain = snippet.replace("<mark>", "").replace("</mark>", "");
        assertTrue(plain.length() <= MessageSearchRules.SNIPPET_CHARS + 4, plain.length() + ": " + plain);
        assertFalse(plain.contains("ipsu ") || plain.contains(" psum"), "cut between words: " + plain);
        String noHit = MessageSearchRules.snippetHtml(text, "absent");
        assertTrue(noHit.startsWith("lorem ipsum") && noHit.endsWith(" …"), noHit);
    }

    @Test
    void plainTextIsWhatTheReaderSaw() {
        assertEquals("plain & simple", MessageRules.plainText("<p>plain &amp; <em>simple</em></p>"));
        assertEquals("", MessageSearchRules.snippetHtml(null, "x"));
    }
}
