package org.parley.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {

    @Test
    void marksAreWrappedAndTheRestEscaped() {
        String text = "a <b> and beer & more";
        assertEquals(
                "a &lt;b&gt; and <mark>beer</mark> &amp; more",
                Snippets.html(
                        text, List.of(new Snippets.Mark(text.indexOf("beer"), text.indexOf("beer") + 4)), 60, 200));
    }

    @Test
    void theWindowStartsAtAWordShortlyBeforeTheFirstMarkAndSaysWhereItWasCut() {
        String text = "one two three four five six seven eight nine ten hops eleven twelve thirteen fourteen";
        int hops = text.indexOf("hops");
        String html = Snippets.html(text, List.of(new Snippets.Mark(hops, hops + 4)), 10, 30);
        assertTrue(html.startsWith("… nine ten <mark>hops</mark>"), html);
        assertTrue(html.endsWith(" …"), html);
        assertFalse(html.contains("ei…"), "cut at a space: " + html);
    }

    @Test
    void withoutMarksTheStartIsShown() {
        assertEquals("short text", Snippets.html("short text", List.of(), 60, 200));
    }

    @Test
    void aMarkBeyondTheWindowIsLeftOutRatherThanCut() {
        String text = "beer " + "x".repeat(50) + " beer";
        String html = Snippets.html(
                text, List.of(new Snippets.Mark(0, 4), new Snippets.Mark(text.length() - 4, text.length())), 0, 20);
        assertEquals(1, html.split("<mark>", -1).length - 1, html);
    }
}
