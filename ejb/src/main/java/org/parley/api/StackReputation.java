package org.parley.api;

import java.time.Instant;

/**
 * One change of a user's reputation as the API's {@code reputation} type has it: a vote on one of their posts or an
 * accepted answer.
 *
 * @param postType {@code question} or {@code answer}
 * @param voteType {@code up_votes}, {@code down_votes} or {@code accepts}
 * @param questionId the question the post is or is on, for the link
 */
public record StackReputation(
        long userId,
        long postId,
        String postType,
        String voteType,
        int reputationChange,
        Instant onDate,
        long questionId,
        String title) {}
