package org.parley.common;

/** Plain text written into HTML by hand (snippets, math spans, notification excerpts), where no template escapes it. */
public final class Html {

    private Html() {}

    /** Text escaped for HTML element content and quoted attributes: the five characters that could start markup. */
    public static String escape(String text) {
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
