package org.parley.message;

/** Where a private message is on its way: stored and queued, in the recipient's inbox, or given up by an admin. */
public enum MessageState {
    /** Stored by the sender's transaction; its delivery job is queued (or will be re-queued by the outbox sweeper). */
    PENDING,
    /** In the recipient's inbox. */
    DELIVERED,
    /** Its job dead-lettered and an admin discarded it: never delivered. */
    FAILED
}
