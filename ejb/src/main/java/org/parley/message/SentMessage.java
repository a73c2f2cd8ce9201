package org.parley.message;

import java.io.Serializable;

/** What sending answers: the new message (pending until its job delivers it) and its conversation. */
public record SentMessage(long id, long conversationId, MessageState state) implements Serializable {}
