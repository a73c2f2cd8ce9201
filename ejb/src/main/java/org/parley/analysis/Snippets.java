package org.parley.analysis;

import java.util.List;
import org.parley.common.Html;

/**
 * Snippets of plain text for result lists, as safe HTML: a window of the text around its first match, escaped, with
 * every match in the window in {@code <mark>}, and "…" where text was cut. Which words match is the caller's (each
 * index has its own analysis); the window and the escaping are the same for every search, so that nothing from a body
 * is ever written unescaped. Marking is done here rather than by the engine's highlighter because WildFly's Lucene
 * module has no highlighter jar, and this way both backends give the same snippets.
 */
public final class Snippets {

    private Snippets() {}

    /** A stretch of text to mark: from {@code start} (inclusive) to {@code end} (exclusive). */
    public record Mark(int start, int end) {}

    /**
     * About {@code size} characters of {@code text} as HTML, starting up to {@code lead} characters (at a word
     * boundary) before the first mark, or at the start when there is none; {@code marks} in text order, not
     * overlapping.
     */
    public static String html(String text, List<Mark> marks, int lead, int size) {
        int from = marks.isEmpty() ? 0 : Math.max(0, marks.get(0).start() - lead);
        if (from > 0) {
            int space = text.indexOf(' ', from);
            from = space < 0 || space >= marks.get(0).start() ? from : space + 1;
        }
        int to = Math.min(text.length(), from + size);
        if (to < text.length()) {
            int space = text.lastIndexOf(' ', to);
            to = space > from + size / 2 ? space : to;
        }
        StringBuilder out = new StringBuilder(size + 64);
        if (from > 0) {
            out.append("… ");
        }
        int at = from;
        for (Mark mark : marks) {
            if (mark.start() < at || mark.end() > to) {
                continue;
            }
            out.append(Html.escape(text.substring(at, mark.start())))
                    .append("<mark>")
                    .append(Html.escape(text.substring(mark.start(), mark.end())))
                    .append("</mark>");
            at = mark.end();
        }
        out.append(Html.escape(text.substring(at, to)));
        if (to < text.length()) {
            out.append(" …");
        }
        return out.toString();
    }
}
