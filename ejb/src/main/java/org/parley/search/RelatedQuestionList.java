package org.parley.search;

import java.io.Serializable;
import java.util.List;

/** A question's related questions as the shared tier keeps them (a list alone has no wire type of its own). */
public record RelatedQuestionList(List<RelatedQuestion> questions) implements Serializable {

    public RelatedQuestionList {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
