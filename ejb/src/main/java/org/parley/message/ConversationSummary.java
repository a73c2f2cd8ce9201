package org.parley.message;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.parley.user.UserRef;

/**
 * One row of the conversation inbox: a conversation as one participant sees it, by its latest message they can see.
 *
 * @param other the other participant
 * @param lastMessageId the latest message the reader can see
 * @param lastMine whether the reader sent that latest message
 * @param lastState its delivery state (the reader's own message may still be sending)
 * @param excerpt the latest message's start as plain text
 * @param lastAt when the latest message was sent
 * @param unread how many messages the reader received here and has not opened
 * @param messages how many messages of the conversation the reader can see
 */
public record ConversationSummary(
        long conversationId,
        UserRef other,
        long lastMessageId,
        boolean lastMine,
        MessageState lastState,
        String excerpt,
        Instant lastAt,
        long unread,
        long messages)
        implements Serializable {

    public ConversationSummary {
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(lastState, "lastState");
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(lastAt, "lastAt");
    }

    /** Whether the reader has unread messages in it. */
    public boolean hasUnread() {
        return unread > 0;
    }
}
