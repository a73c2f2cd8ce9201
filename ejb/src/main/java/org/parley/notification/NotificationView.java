package org.parley.notification;

import java.io.Serializable;
import java.time.Instant;

/**
 * A notification as pages and the API show it.
 *
 * @param seq its number in the user's sequence
 * @param link a path on the user's site, e.g. {@code /messages/12} or {@code /questions/3/slug#answer-4}
 */
public record NotificationView(
        long seq, NotificationKind kind, String text, String link, Instant createdAt, boolean read)
        implements Serializable {}
