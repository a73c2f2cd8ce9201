package org.parley.moderation;

/**
 * What a close, reopen, delete or undelete request did.
 *
 * @param votes the votes of the round so far, this one included (1 for a binding action)
 * @param needed how many votes carry it out
 * @param done whether it was carried out (the question is closed, the post deleted, ...)
 */
public record Outcome(int votes, int needed, boolean done) {}
