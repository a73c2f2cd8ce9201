package org.parley.message;

import java.io.Serializable;
import java.time.Instant;
import org.parley.user.UserRef;

/**
 * One message of a conversation as its reader sees it.
 *
 * @param mine whether the reader sent it
 * @param bodyHtml the rendered, sanitised body
 */
public record MessageItem(long id, UserRef sender, boolean mine, String bodyHtml, Instant createdAt, MessageState state)
        implements Serializable {}
