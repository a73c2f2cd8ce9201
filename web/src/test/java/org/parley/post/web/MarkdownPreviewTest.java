package org.parley.post.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parley.markdown.MarkdownRenderer;

class MarkdownPreviewTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersTheTextAsThePageWill() {
        assertEquals(
                "<p><strong>bold</strong></p>",
                new MarkdownPreview().html(renderer, "**bold**", false).strip());
        assertEquals("", new MarkdownPreview().html(renderer, "   ", false));
    }

    @Test
    void stopsAtTheLimitAndSaysSo() {
        String html = new MarkdownPreview(10).html(renderer, "0123456789TOO-MUCH", false);
        assertTrue(html.contains("0123456789"), html);
        assertFalse(html.contains("TOO-MUCH"), html);
        assertTrue(html.contains("The preview stops at 10 characters"), html);
        assertTrue(html.contains("the text is 18 characters long"), html);
    }

    @Test
    void onAMathSiteKeepsTexFromMarkdownAsTheSavedPostWill() {
        MarkdownPreview preview = new MarkdownPreview();
        String tex = "Given $x*y*z$ here";
        String math = preview.html(renderer, tex, true);
        assertTrue(math.contains("$x*y*z$"), math);
        assertEquals(renderer.toSafeHtml(tex, true), math);
        // The same text on a site without math: Markdown reads the asterisks as emphasis.
        String plain = preview.html(renderer, tex, false);
        assertFalse(plain.contains("$x*y*z$"), plain);
    }
}
