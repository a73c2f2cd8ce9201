package org.parley.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.parley.analysis.Snippets;

/**
 * Highlighted excerpts of post bodies for result lists: the piece of the body around the first matching word, HTML-
 * escaped, with every matching word in {@code <mark>} (Snippets). Words match when the site's analyzer — the very
 * chain the index uses (ParleyAnalysisConfigurer) — makes the same term of them, so "storing" in a query marks
 * "stored". The body comes from the index (a stored field), so no database read is needed.
 */
final class Excerpts {

    /** Characters of body analysed at most: beyond, an excerpt shows the start (long bodies cost no more). */
    static final int MAX_ANALYSED = 20_000;

    /** Characters shown before the first match. */
    static final int LEAD = 60;

    private static final Analyzer ENGLISH = new EnglishAnalyzer();
    private static final Analyzer FRENCH = new FrenchAnalyzer();
    private static final Analyzer ANY = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
        }
    };

    private Excerpts() {}

    /** The analyzer of a language key ({@code en}, {@code fr}, {@code any}), as the index's text fields use it. */
    static Analyzer analyzer(String languageKey) {
        return switch (languageKey) {
            case "en" -> ENGLISH;
            case "fr" -> FRENCH;
            default -> ANY;
        };
    }

    /** The analysed terms of the words and phrases a query looks for (not those it leaves out). */
    static Set<String> terms(SearchQuery query, Analyzer analyzer) {
        Set<String> terms = new HashSet<>();
        for (SearchQuery.Term term : query.terms()) {
            if (term instanceof SearchQuery.Text t && !t.excluded()) {
                for (Token token : tokens(t.text(), analyzer)) {
                    terms.add(token.term());
                }
            }
        }
        return terms;
    }

    /**
     * An excerpt of {@code text} of about {@code size} characters: around the first word whose term is in {@code
     * terms}, or the start; the text escaped, the matching words in {@code <mark>}.
     */
    static String excerpt(String text, Set<String> terms, Analyzer analyzer, int size) {
        String t = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        List<Snippets.Mark> marks = new ArrayList<>();
        if (!terms.isEmpty()) {
            for (Token token : tokens(t.length() > MAX_ANALYSED ? t.substring(0, MAX_ANALYSED) : t, analyzer)) {
                if (terms.contains(token.term())) {
                    marks.add(new Snippets.Mark(token.start(), token.end()));
                }
            }
        }
        return Snippets.html(t, marks, LEAD, size);
    }

    private record Token(String term, int start, int end) {}

    private static List<Token> tokens(String text, Analyzer analyzer) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String reader does not fail
        }
        return tokens;
    }
}
