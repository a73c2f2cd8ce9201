package org.parley.flag;

/**
 * Fired inside the transaction that raised a flag on a post (not a comment), so that review queues can gather it
 * ({@code org.parley.review} observes it: very low quality and not-an-answer flags feed the low-quality queue).
 */
public record PostFlagged(long siteId, long postNumber, FlagKind kind) {}
