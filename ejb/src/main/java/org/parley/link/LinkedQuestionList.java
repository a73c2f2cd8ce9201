package org.parley.link;

import java.io.Serializable;
import java.util.List;

/** A question's linked questions as the shared tier keeps them (a list alone has no wire type of its own). */
public record LinkedQuestionList(List<LinkedQuestion> questions) implements Serializable {

    public LinkedQuestionList {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
