package org.parley.message;

import java.io.Serializable;
import java.util.List;
import org.parley.user.UserRef;

/**
 * A conversation as one participant sees it.
 *
 * @param other the other participant
 * @param otherUsername the other participant's username (what the compose form and block take)
 * @param blockedByMe whether the reader blocked the other participant
 * @param blockedMe whether the other participant blocked the reader (replies are refused)
 */
public record ConversationDetail(
        long id,
        UserRef other,
        String otherUsername,
        List<MessageItem> messages,
        boolean blockedByMe,
        boolean blockedMe)
        implements Serializable {}
