package org.parley.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.parley.analysis.SearchNames;

/**
 * Words too common to search for (the English and French analyzers' stop words): a query of nothing else would
 * match every post, or none, depending on the analyzer. They are left out of queries with a note instead.
 */
final class StopWords {

    private static final CharArraySet ENGLISH = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    private static final CharArraySet FRENCH = FrenchAnalyzer.getDefaultStopSet();

    private StopWords() {}

    /** Whether {@code word} (any case) is a stop word of the language ({@code en}, {@code fr}; others: either). */
    static boolean isStopWord(String word, String languageKey) {
        String w = word.toLowerCase(Locale.ROOT);
        return switch (languageKey) {
            case "en" -> ENGLISH.contains(w);
            case "fr" -> FRENCH.contains(w) || FRENCH.contains(elided(w));
            default -> ENGLISH.contains(w) || FRENCH.contains(w);
        };
    }

    /** {@code l'} → {@code l}: the French analyzer drops elisions, so "l'" alone is as empty as a stop word. */
    private static String elided(String w) {
        return w.endsWith("'") || w.endsWith("’") ? w.substring(0, w.length() - 1) : w;
    }

    /**
     * The query without its words and phrases made of stop words only, with a note naming them. Words and phrases
     * that mean something stay as typed (a phrase's stop words count for its positions).
     */
    static SearchQuery strip(SearchQuery query, String languageKey) {
        List<SearchQuery.Term> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (SearchQuery.Term term : query.terms()) {
            if (term instanceof SearchQuery.Text t && !hasWords(t.text())) {
                continue; // punctuation alone: the analyzer makes nothing of it
            }
            if (term instanceof SearchQuery.Text t && onlyStopWords(t.text(), languageKey)) {
                dropped.add(t.phrase() ? "\"" + t.text() + "\"" : t.text());
            } else {
                kept.add(term);
            }
        }
        if (dropped.isEmpty()) {
            return kept.size() == query.terms().size() ? query : new SearchQuery(kept, query.notes());
        }
        List<String> notes = new ArrayList<>(query.notes());
        notes.add((dropped.size() == 1 ? "“" + dropped.get(0) + "” is" : "“" + String.join("”, “", dropped) + "” are")
                + " too common to search for and " + (dropped.size() == 1 ? "was" : "were") + " left out.");
        return new SearchQuery(kept, notes);
    }

    private static boolean onlyStopWords(String text, String languageKey) {
        for (String w : words(text)) {
            if (!w.isEmpty() && !isStopWord(w, languageKey)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasWords(String text) {
        for (String w : words(text)) {
            if (!w.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static String[] words(String text) {
        return text.split("[^\\p{L}\\p{N}'’]+");
    }

    /** The language key of a site's language tag, as {@link SearchNames#languageKey}. */
    static String key(String languageTag) {
        return SearchNames.languageKey(languageTag);
    }
}
