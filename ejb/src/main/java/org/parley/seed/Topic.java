package org.parley.seed;

import java.util.List;

/**
 * The word material for one demo site: tags (most used first), title templates and the phrases bodies, answers and
 * comments are put together from. Placeholders: {@code {tag}}, {@code {thing}}, {@code {problem}}, {@code {other}}.
 */
record Topic(
        List<String> tags,
        List<String> titles,
        List<String> things,
        List<String> problems,
        List<String> questionOpeners,
        List<String> questionDetails,
        List<String> triedSteps,
        List<String> answerOpeners,
        List<String> answerSteps,
        List<String> answerClosers,
        List<String> comments,
        List<Snippet> snippets,
        List<String> firstNames,
        List<String> lastNames) {

    /** A code block for bodies; {@code tags} says which questions it fits (empty = any). */
    record Snippet(String language, List<String> tags, String code) {}

    Topic {
        for (List<String> list : List.of(
                tags,
                titles,
                things,
                problems,
                questionOpeners,
                questionDetails,
                triedSteps,
                answerOpeners,
                answerSteps,
                answerClosers,
                comments,
                firstNames,
                lastNames)) {
            if (list.isEmpty()) {
                throw new IllegalArgumentException("Every part of a topic needs at least one phrase");
            }
        }
    }
}
