package org.parley.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CodeLanguageHintsTest {

    private final MarkdownRenderer renderer = MarkdownRenderer.shared();

    @Test
    void aHintNamesTheNextIndentedBlock() {
        String html = renderer.toSafeHtml("<!-- language: lang-java -->\n\n    int x = 1;\n\nthen\n\n    plain\n");
        assertEquals(
                "<pre><code class=\"language-java\">int x &#61; 1;\n</code></pre>\n<p>then</p>\n<pre><code>plain\n</code></pre>\n",
                html.strip() + "\n");
    }

    @Test
    void languageAllNamesEveryLaterBlockButAFenceKeepsItsOwn() {
        String html = renderer.toSafeHtml(
                "<!-- language-all: python -->\n\n    a = 1\n\n```ruby\nb = 2\n```\n\n```\nc = 3\n```\n");
        assertTrue(html.contains("<code class=\"language-python\">a &#61; 1"), html);
        assertTrue(html.contains("<code class=\"language-ruby\">b &#61; 2"), html);
        assertTrue(html.contains("<code class=\"language-python\">c &#61; 3"), html);
    }

    @Test
    void stackExchangeLanguageClassesOnPreSurviveSanitising() {
        assertEquals(
                "<pre class=\"lang-py prettyprint-override\"><code>x</code></pre>",
                renderer.sanitize("<pre class=\"lang-py prettyprint-override\"><code>x</code></pre>"));
        assertEquals("<pre><code>x</code></pre>", renderer.sanitize("<pre class=\"evil\"><code>x</code></pre>"));
    }
}
