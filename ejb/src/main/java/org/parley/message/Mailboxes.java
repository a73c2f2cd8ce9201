package org.parley.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.parley.cache.CacheKey;
import org.parley.cache.Region;
import org.parley.cache.Scope;
import org.parley.cache.SharedCache;

/**
 * Each user's mailbox stamp: a short token, kept in the shared cache, that changes whenever anything in the user's
 * conversations changes. It is made of two scope stamps: the recent-messages scope ({@link RecentMessages}), which
 * every change of the user's inbox renews anyway, and a scope of its own for changes of what they sent, so an inbox
 * change costs one cache write. Pushes carry it; a page that long-polls (no socket) sends the stamp it saw and is
 * answered at once when it differs, so it misses no change that happened between two polls. A stamp lost with the cache comes back
 * different, which costs the page one needless refresh and never a missed one.
 *
 * <p>Stamps move only once the change committed ({@link MailboxRenewal}), and nothing is stored under a new stamp from
 * inside the writing transaction: a reader in between would otherwise load the old count under the new stamp (or see
 * a count that a rollback then undid) and keep it until the next change, since its stamp looks current. After the
 * commit a new stamp is taken, and whoever reads first loads the committed count and widget under it.
 */
@ApplicationScoped
public class Mailboxes {

    @Inject
    private SharedCache cache;

    @Inject
    private Event<MailboxWritten> written;

    /**
     * Records, in the caller's transaction, a change of user {@code userId}'s inbox in conversation {@code
     * conversationId} (a message arrived, was read or deleted). Once it commits: a new stamp for the recent-messages
     * scope, and {@link MailboxChanged} with the committed unread count.
     */
    void inboxChanged(long siteId, long userId, long conversationId) {
        written.fire(new MailboxWritten(siteId, userId, conversationId, true));
    }

    /**
     * Records, in the caller's transaction, a change of what user {@code userId} sent in conversation {@code
     * conversationId} (stored, delivered, deleted for them). Once it commits: a new stamp, and {@link MailboxChanged}
     * without an unread count (it did not change).
     */
    void outboxChanged(long siteId, long userId, long conversationId) {
        written.fire(new MailboxWritten(siteId, userId, conversationId, false));
    }

    /** User {@code userId}'s current stamp (one read of the shared cache). */
    public String stamp(long siteId, long userId) {
        String versioned = cache.versionedKey(CacheKey.of(
                Region.FRAGMENT,
                siteId,
                "mailbox/" + userId,
                RecentMessages.scope(siteId, userId),
                scope(siteId, userId)));
        return Integer.toHexString(versioned.hashCode());
    }

    static Scope scope(long siteId, long userId) {
        return new Scope("s" + siteId + "/mailbox/u" + userId);
    }
}
