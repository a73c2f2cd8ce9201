package org.parley.post;

/**
 * What {@link Post#vote} decided: the vote before and after (either may be null), and which {@link Vote} row to
 * persist or remove (at most one of them is set; a changed vote is updated in place).
 */
public record VoteChange(VoteType before, VoteType after, Vote toPersist, Vote toRemove) {}
