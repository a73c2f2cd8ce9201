package org.parley.message;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.analysis.Snippets;
import org.parley.rules.InvalidInputException;

/**
 * The pure rules of searching one's messages: what a query may be, how far the pages go, and the snippet of a hit
 * with the query's words marked, as safe HTML.
 */
public final class MessageSearchRules {

    /** The longest query, in characters. */
    public static final int MAX_QUERY = 200;

    /** Hits a page. */
    public static final int PAGE_SIZE = 20;

    /**
     * The last page one may ask for: 500 pages of 20 are the first 10,000 hits, Elasticsearch's default result
     * window, beyond which it refuses the query.
     */
    public static final int MAX_PAGE = 500;

    /** About how many characters of text a snippet shows. */
    public static final int SNIPPET_CHARS = 160;

    /** How much text a snippet keeps before its first marked word, so the word is seen in context. */
    private static final int LEAD_CHARS = 40;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private MessageSearchRules() {}

    /**
     * @return the query, stripped
     * @throws InvalidInputException when it is missing or blank, longer than {@value #MAX_QUERY} characters, or has no
     *     letter or digit to look for (e.g. only operators or quotes)
     */
    public static String checkQuery(String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidInputException("Type what to search for.");
        }
        String q = query.strip();
        if (q.length() > MAX_QUERY) {
            throw new InvalidInputException(
                    "The search is too long: " + q.length() + " characters, at most " + MAX_QUERY + ".");
        }
        if (q.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new InvalidInputException("Search for words: type at least one letter or digit.");
        }
        return q;
    }

    /**
     * @return the page, 1 when it is missing
     * @throws InvalidInputException when it is not a whole number from 1 to {@value #MAX_PAGE}
     */
    public static int checkPage(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            return checkPage(Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return checkPage(0);
        }
    }

    /**
     * @return the page
     * @throws InvalidInputException unless it is from 1 to {@value #MAX_PAGE}
     */
    public static int checkPage(int page) {
        if (page < 1 || page > MAX_PAGE) {
            throw new InvalidInputException("The page must be a number from 1 to " + MAX_PAGE + ".");
        }
        return page;
    }

    /** A word to mark in snippets: folded like the index folds it; a prefix for {@code pref*}. */
    record Term(String folded, boolean prefix) {
        boolean matches(String foldedWord) {
            return prefix ? foldedWord.startsWith(folded) : foldedWord.equals(folded);
        }
    }

    /** The words of a simple query to mark in snippets: all but the excluded ({@code -word}) ones. */
    static List<Term> terms(String query) {
        String q = query == null ? "" : query;
        List<Term> terms = new ArrayList<>();
        Matcher m = WORD.matcher(q);
        while (m.find()) {
            int before = m.start() - 1;
            boolean excluded = before >= 0
                    && q.charAt(before) == '-'
                    && (before == 0 || " \t(|+\"".indexOf(q.charAt(before - 1)) >= 0);
            if (!excluded) {
                terms.add(new Term(fold(m.group()), m.end() < q.length() && q.charAt(m.end()) == '*'));
            }
        }
        return terms;
    }

    /** Lower case without accents, as the {@code parley_text} analyzer indexes words ("Ünïcode" → "unicode"). */
    static String fold(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * A snippet of {@code text} (a message as plain text) for a hit of {@code query}, as safe HTML: at most about
     * {@value #SNIPPET_CHARS} characters from a little before the first word the query matches, escaped, with every
     * matching word in {@code <mark>}, and "…" where text was cut. Marking is done here rather than by the search
     * backend's highlighter so that it works the same on both backends (WildFly's Lucene module has no highlighter)
     * and so that nothing from the body is ever written unescaped.
     */
    public static String snippetHtml(String text, String query) {
        String t = text == null ? "" : text;
        List<Term> terms = terms(query);
        List<Snippets.Mark> marks = new ArrayList<>();
        Matcher w = WORD.matcher(t);
        while (w.find()) {
            String folded = fold(w.group());
            if (terms.stream().anyMatch(term -> term.matches(folded))) {
                marks.add(new Snippets.Mark(w.start(), w.end()));
            }
        }
        return Snippets.html(t, marks, LEAD_CHARS, SNIPPET_CHARS);
    }
}
