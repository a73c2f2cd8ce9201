package org.parley.post;

/**
 * Fired by {@link QuestionService#suggestEdit} inside its transaction: a user who may not edit a post freely suggested
 * this edit, already checked by the edit rules. {@code org.parley.review} observes it (a plain {@code @Observes}) and
 * keeps it for review, or refuses it (one waiting edit per post), which rolls the call back.
 *
 * @param proposerId the proposer's user id
 * @param summary the edit summary, checked, or null
 */
public record EditSuggested(
        long siteId, long postNumber, long proposerId, PostWritten.Content content, String summary) {}
