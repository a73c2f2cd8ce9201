package org.parley.api;

/** A user's standing in a tag as the API's {@code tag_score} type has it: summed answer score and answers. */
public record StackTagScore(StackOwner user, long score, long postCount) {}
