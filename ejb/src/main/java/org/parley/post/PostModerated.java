package org.parley.post;

import java.time.Instant;

/**
 * Fired inside the transaction that closed, reopened, deleted or undeleted a post, so that its history records the
 * event as the Stack Exchange dumps do ({@code org.parley.revision} observes it, as for {@link PostLocked}).
 *
 * @param userNumber who did it (the last voter, the author or the moderator), by user number on the site
 * @param historyType the dumps' PostHistoryTypeId: 10 closed, 11 reopened, 12 deleted, 13 undeleted
 * @param comment the row's Comment: the close reason's number for a close, else null
 * @param text the row's Text: the dumps' JSON of voters (and, for a duplicate, the original question numbers)
 */
public record PostModerated(
        long siteId, long postNumber, long userNumber, Instant at, int historyType, String comment, String text) {}
