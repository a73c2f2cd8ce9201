package org.parley.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MathSpansTest {

    private final MarkdownRenderer renderer = MarkdownRenderer.shared();

    @Test
    void texSurvivesMarkdownWhenMathIsOn() {
        String html = renderer.toSafeHtml("The state $a_1*b*c_2$ and $$\\sum_{i=1}^n x_i$$ here.", true);
        assertEquals("<p>The state $a_1*b*c_2$ and $$\\sum_{i&#61;1}^n x_i$$ here.</p>\n", html);
    }

    @Test
    void withoutMathTheSameTextIsOrdinaryMarkdown() {
        String html = renderer.toSafeHtml("$a_1*b*c_2$", false);
        assertTrue(html.contains("<em>"), html);
    }

    @Test
    void escapedDollarsStayEscapedForTheBrowser() {
        MathSpans.Protected p = MathSpans.protect("It costs \\$5 and \\$10.");
        assertEquals(List.of("\\$", "\\$"), p.spans());
        assertEquals("<p>It costs \\$5 and \\$10.</p>\n", renderer.toSafeHtml("It costs \\$5 and \\$10.", true));
    }

    @Test
    void codeIsNeverMath() {
        String md = "Use `$x_1$` inline.\n\n```\necho $HOME_DIR $PATH_X\n```\n\n    indented $a_b$\n\nbut $a_b$ is.";
        MathSpans.Protected p = MathSpans.protect(md);
        assertEquals(List.of("$a_b$"), p.spans());
        String html = renderer.toSafeHtml(md, true);
        assertTrue(html.contains("<code>$x_1$</code>"), html);
        assertTrue(html.contains("echo $HOME_DIR $PATH_X"), html);
        assertTrue(html.contains("but $a_b$ is."), html);
    }

    @Test
    void mathDoesNotRunAcrossParagraphsAndALoneDollarIsText() {
        MathSpans.Protected p = MathSpans.protect("It costs $5.\n\nAnd $6 later.");
        assertEquals(List.of(), p.spans());
        assertEquals("It costs $5.\n\nAnd $6 later.", p.markdown());
    }

    @Test
    void displayMathMaySpanLinesOfOneParagraph() {
        MathSpans.Protected p = MathSpans.protect("$$\na_b\n= c_d\n$$");
        assertEquals(List.of("$$\na_b\n= c_d\n$$"), p.spans());
    }

    @Test
    void htmlInsideMathIsEscaped() {
        assertEquals("<p>$a &lt; b$</p>\n", renderer.toSafeHtml("$a < b$", true));
        assertEquals("<p>$a&lt;b&gt;c$</p>\n", renderer.toSafeHtml("$a<b>c$", true));
    }

    @Test
    void texIsToldFromPrices() {
        assertTrue(MathSpans.looksLikeTex("<p>Let $\\psi$ be a state.</p>"));
        assertTrue(MathSpans.looksLikeTex("<p>$x^2$</p>"));
        assertTrue(MathSpans.looksLikeTex("<p>$$ a + b $$</p>"));
        assertFalse(MathSpans.looksLikeTex("<p>It costs $5 to $10.</p>"));
        assertFalse(MathSpans.looksLikeTex("<pre><code>echo $HOME_DIR $PATH</code></pre>"));
        assertFalse(MathSpans.looksLikeTex(null));
    }

    @Test
    void scriptInsideMathIsText() {
        String html = renderer.toSafeHtml("$<script>alert(1)</script>$ and $<img src=x onerror=alert(1)>$", true);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
    }
}
