package org.parley.search.rest;

import java.util.List;

/**
 * The answer of {@code GET /api/questions/similar}: the questions most like the typed title, best first.
 *
 * @param title the title looked up, stripped
 * @param questions at most five, each with the path of its page
 */
public record SimilarQuestionsAnswer(String title, List<Item> questions) {

    /**
     * One question.
     *
     * @param url its page's path on this site
     * @param accepted its asker accepted an answer
     */
    public record Item(
            long number, String title, String url, int score, int answers, boolean accepted, boolean closed) {}
}
