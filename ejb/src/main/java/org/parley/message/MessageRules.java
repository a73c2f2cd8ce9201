package org.parley.message;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.parley.rules.InvalidInputException;

/** The pure rules of private messages: what a body may be, its plain text and excerpt, and the sending limit. */
public final class MessageRules {

    /** The system property that sets how many messages one user may send per minute. */
    public static final String PER_MINUTE_PROPERTY = "parley.messages.perMinute";

    public static final int DEFAULT_PER_MINUTE = 20;

    /** The window of the sending limit. */
    public static final Duration WINDOW = Duration.ofMinutes(1);

    /** The longest excerpt, as {@link MessageDelivered} promises. */
    public static final int EXCERPT = 140;

    private MessageRules() {}

    /**
     * @return the body, trimmed at its end
     * @throws InvalidInputException when it is empty or longer than {@value PrivateMessage#MAX_BODY} characters
     */
    public static String checkBody(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("Write a message first: the body is empty.");
        }
        String trimmed = body.stripTrailing();
        if (trimmed.length() > PrivateMessage.MAX_BODY) {
            throw new InvalidInputException("The message is too long: " + trimmed.length() + " characters, at most "
                    + PrivateMessage.MAX_BODY + ".");
        }
        return trimmed;
    }

    /** The messages per minute allowed by {@value #PER_MINUTE_PROPERTY}, or the default for a missing or bad value. */
    public static int perMinute() {
        String value = System.getProperty(PER_MINUTE_PROPERTY);
        if (value == null) {
            return DEFAULT_PER_MINUTE;
        }
        try {
            int n = Integer.parseInt(value.trim());
            return n > 0 ? n : DEFAULT_PER_MINUTE;
        } catch (NumberFormatException e) {
            return DEFAULT_PER_MINUTE;
        }
    }

    /**
     * How long a user who sent messages at {@code sentTimes} must wait before sending one more at {@code now}.
     *
     * @return 0 when one more is allowed, else whole seconds (at least 1) until the oldest send in the window leaves it
     */
    public static long retryAfterSeconds(Collection<Instant> sentTimes, Instant now, int perMinute) {
        Instant windowStart = now.minus(WINDOW);
        long inWindow = sentTimes.stream().filter(t -> t.isAfter(windowStart)).count();
        if (inWindow < perMinute) {
            return 0;
        }
        // The (inWindow - perMinute + 1)-th oldest send must leave the window before one more fits.
        Instant freeing = sentTimes.stream()
                .filter(t -> t.isAfter(windowStart))
                .sorted()
                .skip(inWindow - perMinute)
                .findFirst()
                .orElse(now);
        long millis = Duration.between(now, freeing.plus(WINDOW)).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /** The start of a rendered body as plain text: tags dropped, entities decoded, spaces collapsed, at most 140 chars. */
    public static String excerpt(String html) {
        String text = plainText(html);
        if (text.length() <= EXCERPT) {
            return text;
        }
        return text.substring(0, EXCERPT - 1).stripTrailing() + "…";
    }

    /**
     * A rendered (sanitised) body as plain text, whole: tags dropped, entities decoded, spaces collapsed. What search
     * indexes, so that hits and snippets show the words the reader saw, not Markdown syntax.
     */
    public static String plainText(String html) {
        if (html == null) {
            return "";
        }
        return html.replaceAll("(?i)</?(p|br|li|ul|ol|h[1-6]|div|pre|blockquote|table|tr|td|th|hr)\\b[^>]*>", " ")
                .replaceAll("<[^>]*>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#34;", "\"")
                .replace("&nbsp;", " ")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
