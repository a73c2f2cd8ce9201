package org.parley.search;

import java.io.Serializable;
import java.util.Objects;
import org.parley.common.Slugs;

/**
 * A question shown as related to another one (the question page's sidebar) or as a likely duplicate of a title being
 * typed (the ask page): the question list's row as the database has it, and whether the index has it closed.
 *
 * @param answerCount its answers
 * @param hasAcceptedAnswer its asker accepted an answer
 * @param closed it is closed (listed all the same, as question lists do)
 */
public record RelatedQuestion(
        long number, String title, int score, int answerCount, boolean hasAcceptedAnswer, boolean closed)
        implements Serializable {

    public RelatedQuestion {
        Objects.requireNonNull(title, "title");
    }

    /** The question's URL slug, as its page has it. */
    public String slug() {
        return Slugs.slugify(title);
    }
}
