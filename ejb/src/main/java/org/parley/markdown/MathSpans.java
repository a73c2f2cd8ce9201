package org.parley.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.common.Html;

/**
 * TeX in Markdown, as math Stack Exchange sites write it: {@code $...$} inline, {@code $$...$$} displayed, {@code \$}
 * for a literal dollar sign. Before Markdown runs, {@link #protect} swaps every math span (and every {@code \$}) for a
 * placeholder, so that underscores, asterisks and backslashes inside TeX are not read as emphasis or escapes; {@link
 * #restore} puts the spans back, HTML-escaped, into the rendered HTML. The browser then typesets them with KaTeX.
 * Code is left alone: fenced and indented code blocks and backtick code spans are never searched for math, and math
 * never runs across a blank line.
 */
public final class MathSpans {

    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final Pattern PLACEHOLDER = Pattern.compile(OPEN + "([0-9]{1,6})" + CLOSE);
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    /** A TeX-looking inline span: a TeX command, sub- or superscript or brace between dollars, on one line. */
    private static final Pattern TEX_INLINE = Pattern.compile("\\$[^$\\n]{0,300}?[\\\\^_{][^$\\n]{0,300}?\\$");

    private static final Pattern CODE_HTML = Pattern.compile("(?is)<pre\\b.*?</pre>|<code\\b.*?</code>");
    private static final Pattern DISPLAY = Pattern.compile("\\$\\$[^$]{1,2000}?\\$\\$");

    /** Markdown with placeholders, and what they stand for. */
    public record Protected(String markdown, List<String> spans) {}

    private MathSpans() {}

    /** Swaps math spans and {@code \$} for placeholders; text without them comes back unchanged. */
    public static Protected protect(String markdown) {
        List<String> spans = new ArrayList<>();
        if (markdown == null || markdown.indexOf('$') < 0) {
            return new Protected(markdown, spans);
        }
        StringBuilder out = new StringBuilder(markdown.length());
        String[] lines = markdown.split("\n", -1);
        String fence = null;
        boolean previousBlankOrCode = true;
        StringBuilder paragraph = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String newline = i < lines.length - 1 ? "\n" : "";
            Matcher f = FENCE.matcher(line);
            if (fence != null) {
                if (f.find()
                        && f.group(1).charAt(0) == fence.charAt(0)
                        && f.group(1).length() >= fence.length()) {
                    fence = null;
                }
                out.append(line).append(newline);
                previousBlankOrCode = true;
                continue;
            }
            if (f.find()) {
                flush(paragraph, out, spans);
                fence = f.group(1);
                out.append(line).append(newline);
                continue;
            }
            boolean blank = line.isBlank();
            boolean indentedCode = !blank && previousBlankOrCode && paragraph.isEmpty() && isIndented(line);
            if (blank || indentedCode) {
                flush(paragraph, out, spans);
                out.append(line).append(newline);
                previousBlankOrCode = true;
                continue;
            }
            paragraph.append(line).append(newline);
            previousBlankOrCode = false;
        }
        flush(paragraph, out, spans);
        return new Protected(out.toString(), spans);
    }

    /** Puts the spans back into rendered HTML, HTML-escaped; HTML without placeholders comes back unchanged. */
    public static String restore(String html, List<String> spans) {
        if (spans.isEmpty()) {
            return html;
        }
        Matcher m = PLACEHOLDER.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 64);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            String span = n < spans.size() ? spans.get(n) : "";
            m.appendReplacement(out, Matcher.quoteReplacement(Html.escape(span)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Whether a rendered post (HTML) looks like it uses TeX math: a {@code $$...$$} block, or a {@code $...$} span
     * holding a TeX command, a sub- or superscript or a brace, outside code. Prices ("$5 to $10") do not count.
     */
    public static boolean looksLikeTex(String html) {
        if (html == null || html.indexOf('$') < 0) {
            return false;
        }
        String text = CODE_HTML.matcher(html).replaceAll(" ");
        return DISPLAY.matcher(text).find() || TEX_INLINE.matcher(text).find();
    }

    private static boolean isIndented(String line) {
        return line.startsWith("    ") || line.startsWith("\t");
    }

    /** Protects the math of one paragraph (lines with no blank line between) and appends it. */
    private static void flush(StringBuilder paragraph, StringBuilder out, List<String> spans) {
        if (paragraph.isEmpty()) {
            return;
        }
        String p = paragraph.toString();
        paragraph.setLength(0);
        int i = 0;
        int n = p.length();
        while (i < n) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < n) {
                if (p.charAt(i + 1) == '$') {
                    out.append(placeholder(spans, "\\$"));
                } else {
                    out.append(c).append(p.charAt(i + 1));
                }
                i += 2;
            } else if (c == '`') {
                int end = codeSpanEnd(p, i);
                out.append(p, i, end);
                i = end;
            } else if (c == '$') {
                boolean display = i + 1 < n && p.charAt(i + 1) == '$';
                int close = closing(p, i + (display ? 2 : 1), display);
                if (close < 0) {
                    out.append(display ? "$$" : "$");
                    i += display ? 2 : 1;
                } else {
                    int end = close + (display ? 2 : 1);
                    out.append(placeholder(spans, p.substring(i, end)));
                    i = end;
                }
            } else {
                out.append(c);
                i++;
            }
        }
    }

    /** Where a backtick code span starting at {@code start} ends (after its closing run), or after the opening run. */
    private static int codeSpanEnd(String p, int start) {
        int run = start;
        while (run < p.length() && p.charAt(run) == '`') {
            run++;
        }
        int length = run - start;
        int i = run;
        while (i < p.length()) {
            if (p.charAt(i) == '`') {
                int j = i;
                while (j < p.length() && p.charAt(j) == '`') {
                    j++;
                }
                if (j - i == length) {
                    return j;
                }
                i = j;
            } else {
                i++;
            }
        }
        return run;
    }

    /** The index of the closing {@code $} or {@code $$} at or after {@code from}, skipping escapes; -1 if none. */
    private static int closing(String p, int from, boolean display) {
        for (int i = from; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '$') {
                if (!display) {
                    return i > from ? i : -1;
                }
                if (i + 1 < p.length() && p.charAt(i + 1) == '$') {
                    return i > from ? i : -1;
                }
            }
        }
        return -1;
    }

    private static String placeholder(List<String> spans, String span) {
        spans.add(span);
        return OPEN + Integer.toString(spans.size() - 1) + CLOSE;
    }
}
