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

/**
 * Highlighted excerpts of post bodies for result lists: the piece of the body around the first matching word, HTML-
 * escaped, with every matching word in {@code <mark>}. Words match when the site's analyzer — the very chain the
 * index uses (ParleyAnalysisConfigurer) — makes the same term of them, so "storing" in a query marks "stored".
 *
 * <p>Done here rather than by the engine's highlighter because WildFly's Lucene module has no lucene-highlighter jar
 * (the Lucene backend's highlight projection fails with a ClassNotFoundException), and this way both backends give
 * the same excerpts. The body comes from the index (a stored field), so no database read is needed.
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
        List<int[]> marks = new ArrayList<>();
        if (!terms.isEmpty()) {
            for (Token token : tokens(t.length() > MAX_ANALYSED ? t.substring(0, MAX_ANALYSED) : t, analyzer)) {
                if (terms.contains(token.term())) {
                    marks.add(new int[] {token.start(), token.end()});
                }
            }
        }
        int from = marks.isEmpty() ? 0 : Math.max(0, marks.get(0)[0] - LEAD);
        if (from > 0) {
            int space = t.indexOf(' ', from);
            from = space < 0 || space >= marks.get(0)[0] ? from : space + 1;
        }
        int to = Math.min(t.length(), from + size);
        if (to < t.length()) {
            int space = t.lastIndexOf(' ', to);
            to = space > from + size / 2 ? space : to;
        }
        StringBuilder out = new StringBuilder(size + 64);
        if (from > 0) {
            out.append("… ");
        }
        int at = from;
        for (int[] mark : marks) {
            if (mark[0] < at || mark[1] > to) {
                continue;
            }
            out.append(escape(t.substring(at, mark[0])))
                    .append("<mark>")
                    .append(escape(t.substring(mark[0], mark[1])))
                    .append("</mark>");
            at = mark[1];
        }
        out.append(escape(t.substring(at, to)));
        if (to < t.length()) {
            out.append(" …");
        }
        return out.toString();
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

    /** Text as HTML: the five characters that could start markup or end an attribute, escaped. */
    static String escape(String text) {
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
