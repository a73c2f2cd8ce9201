package org.parley.message;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a page needs to know whether a user's messages changed since it rendered.
 *
 * @param unread how many delivered messages the user has not opened
 * @param stamp the user's mailbox stamp ({@link Mailboxes#stamp}); any change of their messages changes it
 */
public record MailboxState(long unread, String stamp) implements Serializable {

    public MailboxState {
        Objects.requireNonNull(stamp, "stamp");
    }
}
