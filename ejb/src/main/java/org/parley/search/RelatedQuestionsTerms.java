package org.parley.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;

/**
 * Picks the words of a question that say what it is about, for the more-like-this query of {@link RelatedQuestions}
 * and {@link SimilarQuestions}: every content word of the title, then the body's words by how often they occur (more
 * occurrences count less and less), longer words first among equals. Stop words and question fillers ("how", "can",
 * "comment") are left out. Rarity is not weighed here: the query scores each word with the engine's BM25, whose
 * inverse document frequency makes a common word count for little, on Lucene and OpenSearch alike. The picked words
 * are analysed by the site language's analyzer when the query runs, so plurals and stems match.
 */
public final class RelatedQuestionsTerms {

    /** What a word of the title weighs beyond its occurrences in the body: more than any body word, so titles come first. */
    static final double TITLE_BONUS = 1_000;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    /** Words that open or fill questions in any site's titles; the analyzers' stop words are not enough for these. */
    private static final Set<String> FILLERS = Set.of(
            // English
            "how",
            "what",
            "why",
            "when",
            "where",
            "which",
            "who",
            "whom",
            "whose",
            "can",
            "could",
            "should",
            "would",
            "does",
            "did",
            "do",
            "doing",
            "done",
            "get",
            "gets",
            "getting",
            "got",
            "use",
            "used",
            "using",
            "way",
            "ways",
            "best",
            "good",
            "better",
            "need",
            "want",
            "like",
            "make",
            "possible",
            "any",
            "some",
            "one",
            "also",
            "just",
            "me",
            "my",
            "i",
            "i'm",
            "im",
            "you",
            "your",
            "we",
            "our",
            "am",
            "has",
            "have",
            "having",
            "been",
            "is",
            "it's",
            "its",
            "from",
            "about",
            "than",
            "more",
            "most",
            "other",
            "know",
            "question",
            "questions",
            "anyone",
            "something",
            "thing",
            "things",
            "someone",
            "there's",
            "here",
            "vs",
            "etc",
            // French
            "comment",
            "pourquoi",
            "quand",
            "quel",
            "quelle",
            "quels",
            "quelles",
            "quoi",
            "peut",
            "peux",
            "peuvent",
            "faire",
            "fait",
            "faut",
            "est",
            "sont",
            "être",
            "avoir",
            "dire",
            "dit",
            "bien",
            "très",
            "plus",
            "moins",
            "tout",
            "tous",
            "toute",
            "toutes",
            "aussi",
            "comme",
            "entre",
            "sans",
            "sous",
            "chez",
            "donc",
            "alors",
            "cette",
            "cet",
            "ces",
            "quelqu'un",
            "j'ai",
            "c'est",
            "qu'est",
            "d'un",
            "d'une",
            "l'on");

    private static final CharArraySet ENGLISH_STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    private static final CharArraySet FRENCH_STOP = FrenchAnalyzer.getDefaultStopSet();

    private RelatedQuestionsTerms() {}

    /**
     * The words of {@code title} and {@code body} (plain text; either may be null) that best describe them, at most
     * {@code max}, lower-cased, the title's first.
     *
     * @throws IllegalArgumentException when {@code max} is not positive
     */
    public static List<String> pick(String title, String body, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        Map<String, Integer> titleCounts = count(title);
        Map<String, Integer> bodyCounts = count(body);
        Map<String, Double> weights = new LinkedHashMap<>();
        titleCounts.forEach((word, n) -> weights.merge(word, TITLE_BONUS, Double::sum));
        // A word's tenth occurrence adds less than its second: a pasted log repeats words it is not about.
        bodyCounts.forEach((word, n) -> weights.merge(word, 1 + Math.log(n) / Math.log(2), Double::sum));
        List<String> words = new ArrayList<>();
        for (String word : weights.keySet()) {
            if (!isStopWord(word)) {
                words.add(word);
            }
        }
        // A stable sort: among equal weights and lengths, the word met first stays first.
        words.sort(Comparator.comparingDouble((String w) -> -weights.get(w)).thenComparingInt(w -> -w.length()));
        return List.copyOf(words.subList(0, Math.min(max, words.size())));
    }

    /** How many words {@code text} has, as {@link SimilarQuestions} counts them (letters and digits in a row). */
    public static int wordCount(String text) {
        if (text == null) {
            return 0;
        }
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Each word of the text with its number of occurrences, in order of first occurrence. */
    private static Map<String, Integer> count(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return counts;
        }
        Matcher m = WORD.matcher(Normalizer.normalize(text, Normalizer.Form.NFC));
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
            if (word.length() > 40 || (word.length() < 2)) {
                continue; // hashes, base64 and single letters say nothing about a topic
            }
            counts.merge(word, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * English and French stop words and fillers are left out whatever the site's language: sites mix them (a French
     * site's code samples are in English), and a word left out here still counts where the analyzer keeps it.
     */
    private static boolean isStopWord(String word) {
        return FILLERS.contains(word)
                || ENGLISH_STOP.contains(word)
                || FRENCH_STOP.contains(word)
                || (word.length() < 3 && word.chars().allMatch(Character::isDigit));
    }
}
