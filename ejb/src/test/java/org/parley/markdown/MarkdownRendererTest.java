package org.parley.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Known XSS vectors come out harmless, through Markdown and as imported HTML; ordinary Markdown survives. */
class MarkdownRendererTest {

    private final MarkdownRenderer renderer = MarkdownRenderer.shared();

    /** An attribute whose name starts with "on", i.e. an event handler, anywhere in a tag. */
    private static final Pattern EVENT_HANDLER = Pattern.compile("(?i)<[^>]*\\son[a-z]+\\s*=");
    /** A script-capable URL scheme anywhere inside a tag (after decoding character references). */
    private static final Pattern SCRIPT_URL =
            Pattern.compile("(?i)<[^>]*(javascript|vbscript|livescript|data)\\s*:[^>]*>");

    private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#(x?)([0-9a-fA-F]+);?");

    static Stream<Arguments> xssVectors() {
        return Stream.of(
                Arguments.of("script tag", "<script>alert(1)</script>"),
                Arguments.of("mixed-case script", "<ScRiPt>alert(1)</sCrIpT>"),
                Arguments.of("upper-case SCRIPT with src", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>"),
                Arguments.of("unclosed script", "<script>alert(1)"),
                Arguments.of("script split by nested tag", "<scr<script>ipt>alert(1)</script>"),
                Arguments.of("img onerror", "<img src=x onerror=alert(1)>"),
                Arguments.of("img onerror without quotes or space", "<img/src=x/onerror=alert(1)>"),
                Arguments.of("body onload", "<body onload=alert(1)>"),
                Arguments.of("svg onload", "<svg onload=alert(1)><circle r=10></svg>"),
                Arguments.of("svg script", "<svg><script>alert(1)</script></svg>"),
                Arguments.of("iframe javascript", "<iframe src=\"javascript:alert(1)\"></iframe>"),
                Arguments.of("iframe srcdoc", "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>"),
                Arguments.of(
                        "object data",
                        "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>"),
                Arguments.of("embed", "<embed src=\"javascript:alert(1)\">"),
                Arguments.of("style expression", "<div style=\"width: expression(alert(1))\">x</div>"),
                Arguments.of("style tag", "<style>body{background:url(javascript:alert(1))}</style>"),
                Arguments.of("link stylesheet", "<link rel=stylesheet href=\"javascript:alert(1)\">"),
                Arguments.of("meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">"),
                Arguments.of("a href javascript", "<a href=\"javascript:alert(1)\">click</a>"),
                Arguments.of("a href JavaScript mixed case", "<a href=\"JaVaScRiPt:alert(1)\">click</a>"),
                Arguments.of("a href vbscript", "<a href=\"vbscript:msgbox(1)\">click</a>"),
                Arguments.of("a href data", "<a href=\"data:text/html,<script>alert(1)</script>\">click</a>"),
                Arguments.of("entity-encoded javascript", "<a href=\"&#106;avascript:alert(1)\">click</a>"),
                Arguments.of("hex-entity javascript", "<a href=\"&#x6A;&#x61;&#x76;&#x61;script:alert(1)\">x</a>"),
                Arguments.of("tab inside javascript", "<a href=\"jav\tascript:alert(1)\">x</a>"),
                Arguments.of("img src javascript", "<img src=\"javascript:alert(1)\">"),
                Arguments.of("img src data", "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">"),
                Arguments.of("markdown link javascript", "[click me](javascript:alert(1))"),
                Arguments.of("markdown link encoded javascript", "[click me](&#106;avascript:alert(1))"),
                Arguments.of("markdown link vbscript", "[click](vbscript:msgbox(1))"),
                Arguments.of(
                        "markdown link data", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
                Arguments.of("markdown image javascript", "![pic](javascript:alert(1))"),
                Arguments.of(
                        "markdown image with onerror title",
                        "![pic](http://x.example/a.png \"x\\\" onerror=\\\"alert(1)\")"),
                Arguments.of("markdown reference link javascript", "[click][1]\n\n[1]: javascript:alert(1)"),
                Arguments.of("autolink javascript", "<javascript:alert(1)>"),
                Arguments.of("raw html block in markdown", "Intro\n\n<div onclick=\"alert(1)\">click</div>\n\nOutro"),
                Arguments.of("raw inline html in markdown", "Hello <span onmouseover=alert(1)>there</span> **friend**"),
                Arguments.of(
                        "form with formaction", "<form><button formaction=\"javascript:alert(1)\">go</button></form>"),
                Arguments.of("input autofocus onfocus", "<input autofocus onfocus=alert(1)>"),
                Arguments.of("details ontoggle", "<details open ontoggle=alert(1)><summary>x</summary></details>"),
                Arguments.of("base href", "<base href=\"javascript:alert(1)//\">"),
                Arguments.of("math xlink", "<math><a xlink:href=\"javascript:alert(1)\">x</a></math>"),
                Arguments.of("html comment breakout", "<!--><script>alert(1)</script>-->"),
                Arguments.of("attribute breakout", "<a href=\"http://ok.example/\" \" onclick=alert(1)>x</a>"),
                Arguments.of("unclosed img tag", "<img src=x onerror=alert(1)//"),
                Arguments.of("null byte in tag", "<scr\u0000ipt>alert(1)</scr\u0000ipt>"),
                Arguments.of("code class injection", "<code class=\"x\" onclick=\"alert(1)\">x</code>"),
                Arguments.of(
                        "table background", "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xssVectors")
    void markdownInputComesOutHarmless(String name, String input) {
        assertHarmless(renderer.toSafeHtml(input));
        assertHarmless(renderer.toSafeHtml("Some text before.\n\n" + input + "\n\nSome text after."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xssVectors")
    void importedHtmlComesOutHarmless(String name, String input) {
        assertHarmless(renderer.sanitize(input));
    }

    private static void assertHarmless(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), html);
        assertFalse(lower.contains("<iframe"), html);
        assertFalse(lower.contains("<object"), html);
        assertFalse(lower.contains("<embed"), html);
        assertFalse(lower.contains("<svg"), html);
        assertFalse(lower.contains("<style"), html);
        assertFalse(lower.contains("<link"), html);
        assertFalse(lower.contains("<meta"), html);
        assertFalse(lower.contains("<base"), html);
        assertFalse(lower.contains("<form"), html);
        assertFalse(lower.contains("<input"), html);
        assertFalse(lower.contains("style="), html);
        assertFalse(lower.contains("expression("), html);
        assertFalse(EVENT_HANDLER.matcher(html).find(), html);
        assertFalse(SCRIPT_URL.matcher(decodeLettersAndColons(html)).find(), html);
    }

    /**
     * Decodes numeric character references that stand for letters, colons or white space, the ones that can hide
     * "javascript:" from a plain search; others (like {@code &lt;}) stay, so escaped text cannot pose as a tag.
     */
    private static String decodeLettersAndColons(String html) {
        return NUMERIC_REFERENCE
                .matcher(html)
                .replaceAll(m -> {
                    int c = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
                    return Character.isLetter(c) || c == ':' || Character.isWhitespace(c)
                            ? java.util.regex.Matcher.quoteReplacement(String.valueOf((char) c))
                            : java.util.regex.Matcher.quoteReplacement(m.group());
                })
                .replace("&colon;", ":")
                .replace("&Tab;", "\t");
    }

    @Test
    void linksAreTheAddressesOutOfTheSiteThatTheSanitisedHtmlLinksTo() {
        String html = renderer.toSafeHtml(
                "[a](https://example.com/a?x=1&y=2) https://example.org/b"
                        + " [mail](mailto:me@example.com) [here](/questions/3) [top](#top) <a href=\"//cdn.example.net/c\">c</a>"
                        + " `https://in.code.example/` ![img](https://img.example.com/i.png) [a again](https://example.com/a?x=1&y=2)");
        assertEquals(
                java.util.List.of(
                        "https://example.com/a?x=1&y=2",
                        "https://example.org/b",
                        "mailto:me@example.com",
                        "//cdn.example.net/c"),
                java.util.List.copyOf(MarkdownRenderer.links(html)),
                html);
        assertTrue(MarkdownRenderer.links(null).isEmpty());
        assertTrue(MarkdownRenderer.links(renderer.toSafeHtml("<a href=\"javascript:alert(1)\">x</a>"))
                .isEmpty());
    }

    @Test
    void theHarmlessCheckCatchesWhatItShould() {
        // The checks must be able to fail: run them on dangerous output they are meant to reject.
        for (String dangerous : new String[] {
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\"&#x6A;avascript&#58;alert(1)\">x</a>",
            "<img src=x onerror=alert(1)>",
            "<SCRIPT>alert(1)</SCRIPT>",
            "<div style=\"x:expression(alert(1))\">",
        }) {
            org.junit.jupiter.api.Assertions.assertThrows(
                    org.opentest4j.AssertionFailedError.class, () -> assertHarmless(dangerous), dangerous);
        }
        assertHarmless("<p>javascript: is only text here</p>");
    }

    @Test
    void fencedCodeBlocksSurviveWithTheirLanguageAndEscapedContent() {
        String html = renderer.toSafeHtml("```java\nif (a < b && c > d) { run(\"<script>\"); }\n```");

        assertTrue(html.contains("<pre><code class=\"language-java\">"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(html.contains("a &lt; b &amp;&amp; c &gt; d"), html);
        assertFalse(html.contains("<script"), html);
    }

    @Test
    void indentedCodeAndInlineCodeSurvive() {
        String html = renderer.toSafeHtml("Use `List<String>` here:\n\n    int x = 1;\n");

        assertTrue(html.contains("<code>List&lt;String&gt;</code>"), html);
        assertTrue(html.contains("<pre><code>int x &#61; 1;"), html);
    }

    @Test
    void tablesSurvive() {
        String html = renderer.toSafeHtml("| Tag | Count |\n|:----|------:|\n| java | 12 |\n| jpa | 3 |");

        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("<thead>"), html);
        assertTrue(html.contains("<th align=\"left\">Tag</th>"), html);
        assertTrue(html.contains("<td align=\"right\">12</td>"), html);
        assertTrue(html.contains("<tbody>"), html);
    }

    @Test
    void linksGetNofollowAndNoopener() {
        String html = renderer.toSafeHtml("See [the docs](https://docs.example.org/guide?a=1&b=2).");

        assertTrue(html.contains("href=\"https://docs.example.org/guide?a&#61;1&amp;b&#61;2\""), html);
        assertTrue(html.contains("rel=\"nofollow noopener\""), html);
        assertTrue(html.contains(">the docs</a>"), html);
    }

    @Test
    void bareUrlsBecomeLinks() {
        String html = renderer.toSafeHtml("Go to https://example.org/x now.");

        assertTrue(html.contains("<a href=\"https://example.org/x\" rel=\"nofollow noopener\">"), html);
    }

    @Test
    void relativeAndMailtoLinksStay() {
        assertTrue(renderer.toSafeHtml("[q](/questions/12/x)").contains("href=\"/questions/12/x\""));
        assertTrue(renderer.toSafeHtml("[me](mailto:me@example.org)").contains("href=\"mailto:me&#64;example.org\""));
    }

    @Test
    void httpImagesStayOthersGo() {
        String ok = renderer.toSafeHtml("![a bike](https://img.example.org/bike.png \"My bike\")");
        assertTrue(ok.contains("<img src=\"https://img.example.org/bike.png\""), ok);
        assertTrue(ok.contains("alt=\"a bike\""), ok);
        assertTrue(ok.contains("title=\"My bike\""), ok);

        assertFalse(renderer.toSafeHtml("![x](/relative.png)").contains("src="));
        assertFalse(renderer.toSafeHtml("![x](ftp://host/x.png)").contains("src="));
    }

    @Test
    void formattingHeadingsListsQuotesAndRulesSurvive() {
        String html = renderer.toSafeHtml(
                "# Title\n\n### Sub\n\n**bold** *em* ~~gone~~\n\n- one\n- two\n\n3. three\n4. four\n\n> quoted\n\n---\n\n<kbd>Ctrl</kbd>+<kbd>C</kbd> H<sub>2</sub>O x<sup>2</sup>");

        assertTrue(html.contains("<h1>Title</h1>"), html);
        assertTrue(html.contains("<h3>Sub</h3>"), html);
        assertTrue(html.contains("<strong>bold</strong>"), html);
        assertTrue(html.contains("<em>em</em>"), html);
        assertTrue(html.contains("<del>gone</del>"), html);
        assertTrue(html.contains("<ul><li>one</li><li>two</li></ul>"), html);
        assertTrue(html.contains("<ol start=\"3\">"), html);
        assertTrue(html.contains("<blockquote>"), html);
        assertTrue(html.contains("<hr />"), html);
        assertTrue(html.contains("<kbd>Ctrl</kbd>"), html);
        assertTrue(html.contains("<sub>2</sub>"), html);
        assertTrue(html.contains("<sup>2</sup>"), html);
    }

    @Test
    void scriptIsRemovedButTheRestOfThePostStays() {
        String html = renderer.toSafeHtml("Before **bold**\n\n<script>alert(1)</script>\n\nAfter *em*");

        assertTrue(html.contains("<strong>bold</strong>"), html);
        assertTrue(html.contains("<em>em</em>"), html);
        assertFalse(html.contains("alert"), html);
    }

    @Test
    void nullAndEmptyGiveEmpty() {
        assertEquals("", renderer.toSafeHtml(null));
        assertEquals("", renderer.toSafeHtml(""));
        assertEquals("", renderer.sanitize(null));
    }

    @Test
    void plainTextIsEscaped() {
        String html = renderer.toSafeHtml("5 < 6 & \"quotes\"");
        assertFalse(html.contains("< 6"), html);
        assertTrue(html.contains("&lt;"), html);
    }
}
