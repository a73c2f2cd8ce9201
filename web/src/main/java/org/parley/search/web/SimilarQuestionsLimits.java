package org.parley.search.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.parley.search.SimilarQuestions;

/**
 * The limits of similar-questions lookups for the ask page's script ({@code #{similarQuestionsLimits.minWords}}), so
 * that it holds back exactly the titles the server would refuse.
 */
@Named
@ApplicationScoped
public class SimilarQuestionsLimits {

    public int getMinWords() {
        return SimilarQuestions.MIN_WORDS;
    }

    public int getMinCharacters() {
        return SimilarQuestions.MIN_CHARACTERS;
    }

    public int getMax() {
        return SimilarQuestions.MAX;
    }
}
