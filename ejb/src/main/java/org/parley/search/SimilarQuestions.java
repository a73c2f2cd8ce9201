package org.parley.search;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.parley.post.Question;
import org.parley.post.QuestionSummaries;
import org.parley.rules.InvalidInputException;
import org.parley.site.SiteInfo;

/**
 * Likely duplicates of a question being asked, shown under its title as it is typed: the site's questions whose
 * title (or, less, body) holds the typed title's words, best first, at most five. A question counts when its title
 * holds {@value #TITLE_MINIMUM_MATCH} % of the words (at least one), or its body {@value #BODY_MINIMUM_MATCH} % of
 * them; a title written the same way
 * (the words in order, give or take two) counts more. One index query, then one SQL query for the rows.
 */
@Stateless
public class SimilarQuestions {

    /** At most this many questions are suggested. */
    public static final int MAX = 5;

    /** A title shorter than this many characters is not looked up: too little to go on. */
    public static final int MIN_CHARACTERS = 15;

    /** ... nor one of fewer words than this. */
    public static final int MIN_WORDS = 3;

    /** How many of the title's words are matched. */
    static final int WORDS = 20;

    /** The share of the typed words (rounded down, at least one) a title must hold for its question to count. */
    static final int TITLE_MINIMUM_MATCH = 50;

    /** The share of the title's words a body must hold for its question to count on its body alone. */
    static final int BODY_MINIMUM_MATCH = 75;

    /** How much a title written the same way counts, on top of its words. */
    static final float PHRASE_BOOST = 2f;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private QuestionSummaries summaries;

    /**
     * The questions of {@code site} most like a title being typed, best first, at most {@value #MAX}; empty when the
     * title has no words to go on (only stop words).
     *
     * @throws InvalidInputException when the title is missing, shorter than {@value #MIN_CHARACTERS} characters or
     *     {@value #MIN_WORDS} words, or longer than a title may be
     */
    public List<RelatedQuestion> similar(SiteInfo site, String title) {
        String typed = check(title);
        List<String> words = RelatedQuestionsTerms.pick(typed, null, WORDS);
        if (words.isEmpty()) {
            return List.of();
        }
        List<RelatedQuestionsQuery.Hit> hits = RelatedQuestionsQuery.run(
                em,
                site.id(),
                site.language(),
                String.join(" ", words),
                TITLE_MINIMUM_MATCH,
                BODY_MINIMUM_MATCH,
                (f, should, titleField) -> should.should(
                        f.phrase().field(titleField).matching(typed).slop(2).boost(PHRASE_BOOST)),
                0,
                MAX);
        return RelatedQuestionsQuery.rows(summaries, site.id(), hits);
    }

    /**
     * The typed title, stripped, when it is worth a lookup; the ask page's script holds back the same titles.
     *
     * @throws InvalidInputException as {@link #similar} says
     */
    static String check(String title) {
        String typed = title == null ? "" : title.strip();
        if (typed.isEmpty()) {
            throw new InvalidInputException(
                    "Type the title to look for similar questions: the title parameter is missing.");
        }
        if (typed.length() > Question.MAX_TITLE) {
            throw new InvalidInputException(
                    "A title is at most " + Question.MAX_TITLE + " characters; this one has " + typed.length() + ".");
        }
        if (typed.length() < MIN_CHARACTERS || RelatedQuestionsTerms.wordCount(typed) < MIN_WORDS) {
            throw new InvalidInputException("Type at least " + MIN_WORDS + " words and " + MIN_CHARACTERS
                    + " characters of the title to look for similar questions.");
        }
        return typed;
    }
}
