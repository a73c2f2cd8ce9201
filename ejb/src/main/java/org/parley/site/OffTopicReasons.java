package org.parley.site;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parley.rules.InvalidInputException;

/**
 * The reasons a site offers for closing a question as off-topic, as Stack Overflow's close dialog lists its own; a
 * voter picks one of them or writes their own. A site without a list of its own has {@link #defaults(String)}.
 * Stored on the site as one reason a line.
 */
public final class OffTopicReasons implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The shortest and the longest reason (the longest is also the longest free-text explanation). */
    public static final int MIN_LENGTH = 10;

    public static final int MAX_LENGTH = 200;

    /** The most reasons a site keeps. */
    public static final int MAX_REASONS = 10;

    private final List<String> reasons;

    private OffTopicReasons(List<String> reasons) {
        this.reasons = List.copyOf(reasons);
    }

    /** Stack Overflow's reasons, said of a site called {@code siteTitle}. */
    public static OffTopicReasons defaults(String siteTitle) {
        return new OffTopicReasons(List.of(
                "This question does not appear to be about " + siteTitle + " within the scope defined in the help"
                        + " center.",
                "Questions asking us to recommend or find a product, a book, a tool or another off-site resource are"
                        + " off-topic here: they attract opinions and spam.",
                "This question was caused by a typo or a problem that can no longer be reproduced; it is unlikely to"
                        + " help future readers."));
    }

    /**
     * A site's own reasons: each trimmed, inner runs of white space collapsed, blank ones and repeats dropped.
     *
     * @throws InvalidInputException (field {@code offTopicReasons}) for a reason shorter than {@value #MIN_LENGTH} or
     *     longer than {@value #MAX_LENGTH} characters, or more than {@value #MAX_REASONS} reasons
     */
    public static OffTopicReasons of(List<String> given) {
        Set<String> clean = new LinkedHashSet<>();
        List<String> wrong = new ArrayList<>();
        for (String r : given) {
            String s = normalize(r);
            if (s.isEmpty()) {
                continue;
            }
            if (s.length() < MIN_LENGTH || s.length() > MAX_LENGTH) {
                wrong.add("“" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "” (" + s.length() + ")");
            }
            clean.add(s);
        }
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(
                    "offTopicReasons",
                    String.format(
                            Locale.ROOT,
                            "Each reason takes %d to %d characters: %s.",
                            MIN_LENGTH,
                            MAX_LENGTH,
                            String.join(", ", wrong)));
        }
        if (clean.size() > MAX_REASONS) {
            throw new InvalidInputException(
                    "offTopicReasons", "At most " + MAX_REASONS + " reasons; this has " + clean.size() + ".");
        }
        return new OffTopicReasons(new ArrayList<>(clean));
    }

    /** The reasons as {@link #encoded()} wrote them; null or blank is none (then the site has the defaults). */
    static OffTopicReasons decode(String lines) {
        return lines == null ? new OffTopicReasons(List.of()) : of(List.of(lines.split("\n")));
    }

    /** One reason a line. */
    String encoded() {
        return String.join("\n", reasons);
    }

    /** The reasons in the order the site lists them. */
    public List<String> list() {
        return reasons;
    }

    public boolean isEmpty() {
        return reasons.isEmpty();
    }

    /**
     * The site's reason {@code chosen} names (compared as {@link #of} keeps reasons), as the site words it.
     *
     * @throws InvalidInputException (field {@code offTopic}) when it is not one of them
     */
    public String require(String chosen) {
        String s = normalize(chosen);
        return reasons.stream()
                .filter(s::equals)
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "offTopic", "Choose one of this site's off-topic reasons, or say why in your own words."));
    }

    private static String normalize(String reason) {
        return reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OffTopicReasons other && reasons.equals(other.reasons);
    }

    @Override
    public int hashCode() {
        return reasons.hashCode();
    }
}
