package org.parley.message;

import java.io.Serializable;
import java.time.Instant;
import org.parley.user.UserRef;

/**
 * One search hit among the searcher's own messages.
 *
 * @param other the other participant of the conversation
 * @param sentByMe whether the searcher wrote it (else they received it)
 * @param snippetHtml the matching part of the body, escaped, matched terms in {@code <mark>}: safe to write as HTML
 */
public record MessageHit(
        long id, long conversationId, UserRef other, boolean sentByMe, Instant createdAt, String snippetHtml)
        implements Serializable {}
