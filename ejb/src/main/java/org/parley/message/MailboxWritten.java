package org.parley.message;

/**
 * Fired inside a transaction that changed one user's messages; {@link Mailboxes} acts on it once the transaction
 * committed (and not at all when it rolled back).
 *
 * @param inbox true for a change of what the user received (their unread count and recent-messages widget may have
 *     changed), false for a change of what they sent
 */
public record MailboxWritten(long siteId, long userId, long conversationId, boolean inbox) {}
