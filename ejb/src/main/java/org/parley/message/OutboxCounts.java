package org.parley.message;

/** How many of a user's sent messages are waiting for delivery, delivered, or failed. */
public record OutboxCounts(long pending, long delivered, long failed) {}
