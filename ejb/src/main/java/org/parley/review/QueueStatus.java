package org.parley.review;

import java.io.Serializable;

/**
 * One queue as the review page lists it for a user.
 *
 * @param open tasks the user could review now (not their own, not reviewed or skipped by them)
 * @param allowed whether the user has the queue's privilege
 * @param threshold the reputation the queue's privilege takes on this site
 * @param reviewedToday the user's reviews in this queue today (UTC), towards {@link ReviewQueue#DAILY_LIMIT}
 */
public record QueueStatus(ReviewQueue queue, long open, boolean allowed, int threshold, long reviewedToday)
        implements Serializable {}
