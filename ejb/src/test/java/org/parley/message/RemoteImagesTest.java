package org.parley.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parley.image.ImageProxy;
import org.parley.markdown.MarkdownRenderer;

/** A message's remote images load only when its reader asks (issue 18, item 6). */
class RemoteImagesTest {

    private final MarkdownRenderer markdown = MarkdownRenderer.shared();
    private final ImageProxy images = ImageProxy.withSecret("a test secret of the image proxy");

    @Test
    void aRemoteImageBecomesAButtonNamingItsServerThatLoadsItThroughTheProxy() {
        String url = "https://tracker.example/pixel.png?u=42&m=7";
        String html = RemoteImages.placeholders(markdown.toSafeHtml("Look: ![the cat](" + url + ") nice"), images);
        assertFalse(html.contains("<img"), "nothing loads by itself: " + html);
        assertTrue(
                html.contains("<button type=\"button\" class=\"remote-image\" data-src=\""
                        + images.path(url).replace("&", "&amp;") + "\""),
                html);
        assertTrue(html.contains("title=\"https://tracker.example/pixel.png?u&#61;42&amp;m&#61;7\""), html);
        assertTrue(html.contains(">Show the image from tracker.example: the cat</button>"), html);
        assertTrue(
                html.startsWith("<p>Look: ") && html.strip().endsWith(" nice</p>"), "the rest is untouched: " + html);
    }

    @Test
    void textWithoutImagesAndLocalImagesStayAsTheyAre() {
        String text = markdown.toSafeHtml("Just **words** and a [link](https://example.com).");
        assertEquals(text, RemoteImages.placeholders(text, images));
        String local = "<p><img src=\"/avatars/3.png\" alt=\"me\" /></p>";
        assertEquals(local, RemoteImages.placeholders(local, images));
        assertEquals("", RemoteImages.placeholders(null, images));
    }
}
