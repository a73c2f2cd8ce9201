package org.parley.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapingCoversMarkupAndQuotes() {
        assertEquals("&lt;b&gt; &amp; &quot;q&quot; &#39;s&#39;", Html.escape("<b> & \"q\" 's'"));
        assertFalse(Html.escape("<img src=x onerror=alert(1)>").contains("<"));
        assertEquals("plain text", Html.escape("plain text"));
    }
}
