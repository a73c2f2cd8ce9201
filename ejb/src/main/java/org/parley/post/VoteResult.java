package org.parley.post;

import java.io.Serializable;

/** A post's score after a vote, and the voter's vote now in force (null after a retraction). */
public record VoteResult(int score, VoteType myVote) implements Serializable {}
