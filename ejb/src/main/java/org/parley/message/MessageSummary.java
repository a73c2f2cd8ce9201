package org.parley.message;

import java.io.Serializable;
import java.time.Instant;
import org.parley.user.UserRef;

/**
 * One line of a folder (inbox or sent).
 *
 * @param other the sender (inbox) or recipient (sent folder)
 * @param unread whether the recipient has not opened it yet (always false in the sent folder)
 */
public record MessageSummary(
        long id,
        long conversationId,
        UserRef other,
        String excerpt,
        Instant createdAt,
        boolean unread,
        MessageState state)
        implements Serializable {}
