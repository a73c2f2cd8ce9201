package org.parley.notification;

import java.io.Serializable;

/**
 * A user's notification counters.
 *
 * @param seq the newest notification's number (0 for none)
 * @param unread how many are unread
 */
public record NotificationState(long seq, int unread) implements Serializable {}
