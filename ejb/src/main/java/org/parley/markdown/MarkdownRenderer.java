package org.parley.markdown;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Markdown to safe HTML: commonmark-java with GFM tables, strikethrough and autolinks, then one allow-list policy
 * of OWASP java-html-sanitizer. Raw HTML inside Markdown is kept, as on Stack Overflow, but only what the policy
 * allows survives: formatting, headings, lists, quotes, code, tables, links (http, https, mailto and relative; with
 * {@code rel="nofollow noopener"}) and images from http/https URLs. No scripts, styles, frames, forms, event
 * handlers or script-capable URLs.
 *
 * <p>Thread-safe; inject it, or use {@link #shared()} where there is no CDI.
 */
@ApplicationScoped
public class MarkdownRenderer {

    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://[^\\s]+");
    private static final Pattern ALIGN = Pattern.compile("(?i)left|center|right");
    private static final Pattern LANGUAGE_CLASS = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,30}");
    /** Stack Exchange's code block classes on {@code pre}: {@code lang-java prettyprint-override} and the like. */
    private static final Pattern PRE_CLASS =
            Pattern.compile("(?:(?:lang-[A-Za-z0-9_+#.-]{1,30}|prettyprint-override|default|s-code-block)\\s*){1,4}");

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,6}");
    /** A link in sanitised HTML: the policy writes every attribute in double quotes. */
    private static final Pattern LINK = Pattern.compile("<a\\s[^>]*?\\bhref=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private static final Pattern ENTITY =
            Pattern.compile("&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot));");
    private static final Pattern SIZE = Pattern.compile("[0-9]{1,4}");

    /** The one policy for rendered Markdown and imported HTML. */
    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "br",
                    "hr",
                    "blockquote",
                    "pre",
                    "code",
                    "kbd",
                    "samp",
                    "var",
                    "em",
                    "strong",
                    "b",
                    "i",
                    "u",
                    "del",
                    "s",
                    "strike",
                    "ins",
                    "sup",
                    "sub",
                    "small",
                    "mark",
                    "abbr",
                    "q",
                    "cite",
                    "ul",
                    "ol",
                    "li",
                    "dl",
                    "dt",
                    "dd",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "table",
                    "thead",
                    "tbody",
                    "tfoot",
                    "tr",
                    "th",
                    "td",
                    "caption",
                    "span",
                    "div",
                    "details",
                    "summary")
            .allowAttributes("start")
            .matching(NUMBER)
            .onElements("ol")
            .allowAttributes("align")
            .matching(ALIGN)
            .onElements("th", "td")
            .allowAttributes("class")
            .matching(LANGUAGE_CLASS)
            .onElements("code")
            .allowAttributes("class")
            .matching(PRE_CLASS)
            .onElements("pre")
            .allowAttributes("title")
            .onElements("abbr", "a", "img")
            .allowElements("a")
            .allowAttributes("href")
            .onElements("a")
            .allowElements("img")
            .allowAttributes("src")
            .matching(HTTP_URL)
            .onElements("img")
            .allowAttributes("alt")
            .onElements("img")
            .allowAttributes("width", "height")
            .matching(SIZE)
            .onElements("img")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "noopener")
            .toFactory();

    private static final List<Extension> EXTENSIONS =
            List.of(TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create());

    // Declared after the policy and extensions it uses: static fields initialise in order.
    private static final MarkdownRenderer SHARED = new MarkdownRenderer();

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

    // sanitizeUrls drops javascript: and friends already in the renderer; the policy is the real gate.
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .sanitizeUrls(true)
            .percentEncodeUrls(true)
            .build();

    /** The instance for code outside CDI (tests, importers, seeding). */
    public static MarkdownRenderer shared() {
        return SHARED;
    }

    /** Renders Markdown (GFM tables, strikethrough, autolinks) and sanitises the result; null gives "". */
    public String toSafeHtml(String markdown) {
        return toSafeHtml(markdown, false);
    }

    /**
     * Renders Markdown and sanitises the result; null gives "". With {@code math} (a site that shows TeX), {@code
     * $...$} and {@code $$...$$} spans pass through Markdown untouched (see {@link MathSpans}) for the browser to
     * typeset. A {@code <!-- language: lang-x -->} hint (or {@code language-all}) before a code block names its
     * language for highlighting, as on Stack Exchange.
     */
    public String toSafeHtml(String markdown, boolean math) {
        if (markdown == null || markdown.isEmpty()) {
            return "";
        }
        if (!math) {
            return sanitize(renderer.render(CodeLanguageHints.apply(parser.parse(markdown))));
        }
        MathSpans.Protected p = MathSpans.protect(markdown);
        String html = renderer.render(CodeLanguageHints.apply(parser.parse(p.markdown())));
        return sanitize(MathSpans.restore(html, p.spans()));
    }

    /** Sanitises HTML (e.g. an imported body) with the same policy as {@link #toSafeHtml}; null gives "". */
    public String sanitize(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        return POLICY.sanitize(html);
    }

    /**
     * The addresses that the links of sanitised HTML ({@link #toSafeHtml} or {@link #sanitize} output) point to
     * outside the site: {@code http}, {@code https} and {@code mailto} URLs and {@code //host} ones, decoded, in the
     * order they first appear. Relative links ({@code /questions/12}, {@code #answer-3}) stay on the site and are not
     * counted. Null gives an empty set.
     */
    public static Set<String> links(String safeHtml) {
        Set<String> out = new LinkedHashSet<>();
        if (safeHtml == null || !safeHtml.contains("<a")) {
            return out;
        }
        Matcher m = LINK.matcher(safeHtml);
        while (m.find()) {
            String href = unescape(m.group(1)).strip();
            String lower = href.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http:")
                    || lower.startsWith("https:")
                    || lower.startsWith("mailto:")
                    || lower.startsWith("//")) {
                out.add(href);
            }
        }
        return out;
    }

    /**
     * An attribute's value as written in sanitised HTML, with the character references the policy writes ({@code
     * &amp;amp;}, {@code &amp;#61;}, {@code &amp;#64;}, ...) decoded.
     */
    public static String attributeValue(String escaped) {
        return unescape(escaped);
    }

    private static String unescape(String attribute) {
        Matcher m = ENTITY.matcher(attribute);
        StringBuilder out = new StringBuilder(attribute.length());
        while (m.find()) {
            String replacement;
            if (m.group(1) != null || m.group(2) != null) {
                int cp = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
                replacement = Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : m.group();
            } else {
                replacement = switch (m.group(3)) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    default -> "\"";
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
