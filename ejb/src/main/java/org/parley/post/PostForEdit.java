package org.parley.post;

import java.io.Serializable;

/**
 * What the edit form starts with. For an answer {@code title} is the question's title (read-only on the form) and
 * {@code tags} is empty; {@code questionNumber} and {@code questionSlug} always point at the question page.
 */
public record PostForEdit(
        long number,
        boolean question,
        String title,
        String tags,
        String bodyMarkdown,
        long questionNumber,
        String questionSlug,
        boolean suggestion)
        implements Serializable {}
