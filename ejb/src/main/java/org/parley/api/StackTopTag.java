package org.parley.api;

/** One of a user's tags as the API's {@code top_tag} type has it: their live answers and questions in it, and scores. */
public record StackTopTag(
        long userId, String tagName, long answerCount, long answerScore, long questionCount, long questionScore) {

    long score() {
        return answerScore + questionScore;
    }

    long posts() {
        return answerCount + questionCount;
    }
}
