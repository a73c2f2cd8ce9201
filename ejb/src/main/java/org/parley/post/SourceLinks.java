package org.parley.post;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links inside an imported post that point to a question or answer of the Stack Exchange site it came from
 * ({@code https://beer.stackexchange.com/questions/123/slug}, {@code /q/123}, {@code /a/456},
 * {@code /questions/123/slug/456#456}), pointed at the same post here when it exists. Done when a question page's read
 * model is made, not at import: the stored body stays as the dump had it, so an export gives back the original links,
 * and a post imported later is found. The read model is cached, so this costs one query per question per change.
 */
final class SourceLinks {

    private static final int MAX_NUMBER_DIGITS = 18;

    private SourceLinks() {}

    private static Pattern pattern(String sourceHost) {
        return Pattern.compile(
                "href=\"(?:https?:)?//(?:www\\.)?"
                        + Pattern.quote(sourceHost)
                        + "/(?:questions|q|a)/([0-9]{1," + MAX_NUMBER_DIGITS + "})"
                        + "(?:/[^/\"#?]*(?:/([0-9]{1," + MAX_NUMBER_DIGITS + "}))?)?[^\"#]*(#[^\"]*)?\"",
                Pattern.CASE_INSENSITIVE);
    }

    /** Whether {@code html} may hold a link to a post of another host: a cheap test before the site is read. */
    static boolean mayLink(String html) {
        return html != null
                && html.contains("//")
                && (html.contains("/questions/") || html.contains("/q/") || html.contains("/a/"));
    }

    /** The post numbers {@code html} links to on {@code sourceHost}; empty when it is null. */
    static Set<Long> targets(String html, String sourceHost) {
        Set<Long> numbers = new LinkedHashSet<>();
        if (sourceHost == null || html == null || !html.contains(sourceHost)) {
            return numbers;
        }
        Matcher m = pattern(sourceHost).matcher(html);
        while (m.find()) {
            numbers.add(target(m));
        }
        return numbers;
    }

    /**
     * {@code html} with each link to a post of {@code sourceHost} whose number is in {@code existing} pointed at
     * {@code /questions/<number>} here (which finds the question, or the answer inside its question); other links as
     * they were.
     */
    static String rewrite(String html, String sourceHost, Set<Long> existing) {
        if (sourceHost == null || html == null || existing.isEmpty() || !html.contains(sourceHost)) {
            return html;
        }
        Matcher m = pattern(sourceHost).matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (m.find()) {
            long number = target(m);
            String replacement = existing.contains(number)
                    ? "href=\"/questions/" + number + (m.group(2) == null && m.group(3) != null ? m.group(3) : "")
                            + "\""
                    : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The answer's number for {@code /questions/1/slug/2}, else the first number. */
    private static long target(Matcher m) {
        return Long.parseLong(m.group(2) != null ? m.group(2) : m.group(1));
    }
}
