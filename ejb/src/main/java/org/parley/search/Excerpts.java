package org.parley.search;

/** Excerpts of post bodies for result lists when the engine gives none. */
final class Excerpts {

    private Excerpts() {}

    /** The start of a body's text, at most {@code size} characters cut at a space, HTML-escaped. */
    static String plain(String bodyHtml, int size) {
        String text = PostText.of(bodyHtml).text().replaceAll("\\s+", " ");
        if (text.length() > size) {
            int cut = text.lastIndexOf(' ', size);
            text = text.substring(0, cut > size / 2 ? cut : size) + "…";
        }
        return escape(text);
    }

    /** Text as HTML: the five characters that could start markup or end an attribute, escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
