package org.parley.post;

/**
 * Views were added to a question's row, fired in the transaction that wrote them (a view milestone may earn its asker
 * a badge).
 *
 * @param views how many were added
 */
public record QuestionViewsAdded(long siteId, long questionNumber, long views) {}
