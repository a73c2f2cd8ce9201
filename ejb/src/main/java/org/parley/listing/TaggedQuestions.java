package org.parley.listing;

import java.util.List;
import java.util.Objects;
import org.parley.common.Page;
import org.parley.post.QuestionSummary;

/**
 * A page of the questions a tag expression selects.
 *
 * @param expression the expression as read, for titles and links
 * @param page the questions
 * @param unknownTags the tags it names that no question of the site carries: worth a hint beside an empty list
 */
public record TaggedQuestions(TagExpression expression, Page<QuestionSummary> page, List<String> unknownTags) {

    public TaggedQuestions {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(page, "page");
        unknownTags = List.copyOf(unknownTags);
    }
}
