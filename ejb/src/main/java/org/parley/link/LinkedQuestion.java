package org.parley.link;

import java.io.Serializable;

/**
 * A question linked from or to the one shown. {@code duplicateOf}: the shown question is a duplicate of this one;
 * {@code duplicate}: this one was closed as a duplicate of the shown question.
 */
public record LinkedQuestion(long number, String title, String slug, int score, boolean duplicateOf, boolean duplicate)
        implements Serializable {}
