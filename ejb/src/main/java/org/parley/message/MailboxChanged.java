package org.parley.message;

import java.util.Objects;

/**
 * Fired by {@link MailboxRenewal} once a transaction that changed what one user sees of their messages committed: a message
 * they sent was stored or delivered, one they received arrived, was read or deleted. The notifications fan it out to
 * every server, which pushes it to that user's open pages (the top bar's count, the inbox, an open conversation).
 *
 * @param userId whose messages changed
 * @param conversationId the conversation that changed
 * @param unread how many delivered messages the user has not opened, after the change; -1 when the change was to
 *     what they sent, which leaves it as it was
 * @param stamp the user's mailbox stamp after the change ({@link Mailboxes#stamp}): a page that polls compares it
 */
public record MailboxChanged(long siteId, long userId, long conversationId, long unread, String stamp) {

    public MailboxChanged {
        Objects.requireNonNull(stamp, "stamp");
    }
}
