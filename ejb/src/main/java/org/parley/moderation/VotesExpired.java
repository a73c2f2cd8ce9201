package org.parley.moderation;

/**
 * Fired inside the transaction that let the close or reopen votes of a question age away, so that review queues can
 * complete a task left with no votes ({@code org.parley.review} observes it).
 */
public record VotesExpired(long siteId, long postNumber, VoteKind kind) {}
