package org.parley.message;

import java.util.List;
import java.util.Objects;

/**
 * Fired inside the transaction that marked messages read for their recipient (opening the conversation, or reading
 * the message's notification). The notifications observe it to mark the messages' notifications read in the same
 * transaction, so the bell and the inbox never disagree.
 *
 * @param userId the reader (the recipient of the messages)
 * @param conversationId the conversation the messages belong to
 * @param messageIds the messages this transaction marked read (never empty)
 * @param wholeConversation whether every message the reader had received there is now read (the conversation was
 *     opened), so notifications that name only the conversation may be marked too
 */
public record MessagesRead(
        long siteId, long userId, long conversationId, List<Long> messageIds, boolean wholeConversation) {

    public MessagesRead {
        messageIds = List.copyOf(Objects.requireNonNull(messageIds, "messageIds"));
    }

    /** The link a message notification of this conversation carries. */
    public String conversationLink() {
        return "/messages/" + conversationId;
    }
}
