package org.parley.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.owasp.html.HtmlSanitizer;

/**
 * A post body as the index reads it: its text without markup (code blocks included, entities decoded, block elements
 * separated by a line break so that words never run together) and its link targets.
 *
 * @param text the plain text, trimmed
 * @param links the {@code href} of every link and the {@code src} of every image, lower-cased, in order
 */
public record PostText(String text, List<String> links) {

    private static final java.util.Set<String> INLINE =
            java.util.Set.of("a", "b", "strong", "em", "i", "code", "span", "sub", "sup", "kbd", "del", "s", "strike");

    /** Reads sanitised HTML (a post's {@code bodyHtml}); null reads as empty. */
    public static PostText of(String html) {
        if (html == null || html.isEmpty()) {
            return new PostText("", List.of());
        }
        Receiver receiver = new Receiver();
        HtmlSanitizer.sanitize(html, receiver);
        return new PostText(receiver.text.toString().strip(), List.copyOf(receiver.links));
    }

    private static final class Receiver implements HtmlSanitizer.Policy {
        final StringBuilder text = new StringBuilder();
        final List<String> links = new ArrayList<>();

        @Override
        public void openTag(String elementName, List<String> attrs) {
            String target = "a".equals(elementName) ? "href" : "img".equals(elementName) ? "src" : null;
            for (int i = 0; target != null && i + 1 < attrs.size(); i += 2) {
                if (target.equals(attrs.get(i)) && !attrs.get(i + 1).isBlank()) {
                    links.add(attrs.get(i + 1).strip().toLowerCase(Locale.ROOT));
                }
            }
            separate(elementName);
        }

        @Override
        public void closeTag(String elementName) {
            separate(elementName);
        }

        private void separate(String elementName) {
            if (!INLINE.contains(elementName) && !text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
        }

        @Override
        public void text(String textChunk) {
            text.append(textChunk);
        }

        @Override
        public void openDocument() {}

        @Override
        public void closeDocument() {}
    }
}
