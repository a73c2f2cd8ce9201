package org.parley.moderation;

/** What a {@link ModerationVote} asks for. */
public enum VoteKind {
    CLOSE,
    REOPEN,
    DELETE,
    UNDELETE
}
