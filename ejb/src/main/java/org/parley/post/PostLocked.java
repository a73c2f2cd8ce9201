package org.parley.post;

import java.time.Instant;

/**
 * Fired by {@link QuestionService#lock} inside the transaction that locked or unlocked a post, so that its history
 * records it ({@code org.parley.revision} observes it, as for {@link PostWritten}).
 *
 * @param moderatorNumber the moderator's user number on the site
 */
public record PostLocked(long siteId, long postNumber, long moderatorNumber, Instant at, boolean locked) {}
