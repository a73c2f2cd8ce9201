package org.parley.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PostTextTest {

    @Test
    void textKeepsWordsApartAcrossBlocksAndTogetherInsideInlineElements() {
        PostText t =
                PostText.of("<p>Brew <strong>lager</strong> at 10&nbsp;&deg;C.</p><pre><code>mash(temp);</code></pre>"
                        + "<ul><li>one</li><li>two</li></ul>");
        assertEquals("Brew lager at 10\u00a0\u00b0C.\nmash(temp);\none\ntwo", t.text());
    }

    @Test
    void entitiesAreDecodedAndLinksCollectedLowerCased() {
        PostText t = PostText.of("<p>See <a href=\"https://Example.com/A?b=1&amp;c=2\">this &amp; that</a>"
                + " <img src=\"https://i.example.org/x.png\" alt=\"x\"></p>");
        assertEquals("See this & that", t.text());
        assertEquals(List.of("https://example.com/a?b=1&c=2", "https://i.example.org/x.png"), t.links());
    }

    @Test
    void nothingReadsAsEmpty() {
        assertEquals("", PostText.of(null).text());
        assertEquals(List.of(), PostText.of("").links());
    }
}
