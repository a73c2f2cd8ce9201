package org.parley.post;

import java.io.Serializable;
import java.time.Instant;
import org.parley.user.UserRef;

/** A comment under a post. {@code text} is plain text: the page escapes it. */
public record CommentView(long id, String text, int score, Instant createdAt, UserRef owner) implements Serializable {}
