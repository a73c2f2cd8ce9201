package org.parley.post;

/** What {@link Question#accept} did: the answer accepted before and after (either may be null). */
public record AcceptChange(Answer before, Answer after) {}
