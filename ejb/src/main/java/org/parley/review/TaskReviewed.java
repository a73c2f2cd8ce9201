package org.parley.review;

/** A reviewer completed a review of a real task (not a skip, not an audit), fired in the reviewing transaction. */
public record TaskReviewed(long siteId, long reviewerId, long reviewerNumber, ReviewQueue queue) {}
