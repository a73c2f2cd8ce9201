package org.parley.moderation;

/**
 * Fired inside the transaction that recorded a close, reopen, delete or undelete vote that did not yet carry its action
 * out, so that review queues can gather the post ({@code org.parley.review} observes it).
 */
public record ModerationVoted(long siteId, long postNumber, VoteKind kind) {}
