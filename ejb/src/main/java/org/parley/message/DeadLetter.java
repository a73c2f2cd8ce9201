package org.parley.message;

import java.io.Serializable;
import java.time.Instant;

/**
 * A delivery job in the dead-letter queue, as the admin page lists it.
 *
 * @param jobId the JMS message id, which retry and discard take
 * @param messageId the private message it would deliver
 * @param queuedAt when the job was sent
 * @param summary who wrote to whom and when, or why the message could not be found
 */
public record DeadLetter(String jobId, long messageId, Instant queuedAt, String summary) implements Serializable {}
