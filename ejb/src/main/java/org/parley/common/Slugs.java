package org.parley.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs: the readable tail of {@code /questions/12/how-do-i-x} and {@code /users/3/jane-doe}. */
public final class Slugs {

    /** Longest slug returned. */
    public static final int MAX_LENGTH = 80;

    /** What a title with no ASCII letters or digits becomes, so URLs never have an empty segment. */
    public static final String FALLBACK = "untitled";

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Slugs() {}

    /**
     * Lower-case ASCII letters and digits joined by single hyphens, at most {@value #MAX_LENGTH} characters, cut at
     * a word boundary where one is near. Accents are dropped ({@code "Café"} → {@code "cafe"}); a null, blank or
     * all-symbol title gives {@value #FALLBACK}.
     */
    public static String slugify(String title) {
        if (title == null) {
            return FALLBACK;
        }
        String ascii = COMBINING_MARKS
                .matcher(Normalizer.normalize(title, Normalizer.Form.NFD))
                .replaceAll("");
        String slug = NON_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            // A word boundary in the last quarter keeps whole words; otherwise cut mid-word rather than lose most.
            slug = trimHyphens(slug.substring(0, cut > MAX_LENGTH * 3 / 4 ? cut : MAX_LENGTH));
        }
        return slug.isEmpty() ? FALLBACK : slug;
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
