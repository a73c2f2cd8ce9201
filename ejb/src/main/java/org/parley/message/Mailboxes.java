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
 * conversations changes. It is made of two scope stamps: the recent-messages scope, which every change of the
 * user's inbox renews anyway ({@link RecentMessages#refresh}), and a scope of its own for changes of what they sent,
 * so an inbox change costs no extra cache write. Pushes carry it; a page that long-polls (no socket) sends the stamp it saw and is answered at
 * once when it differs, so it misses no change that happened between two polls. A stamp lost with the cache comes back
 * different, which costs the page one needless refresh and never a missed one.
 */
@ApplicationScoped
public class Mailboxes {

    @Inject
    private SharedCache cache;

    @Inject
    private RecentMessages recent;

    @Inject
    private Event<MailboxChanged> changes;

    /**
     * Records a change of user {@code userId}'s inbox in conversation {@code conversationId} (a message arrived, was
     * read or deleted): fires {@link MailboxChanged} in the caller's transaction (pushed once it commits). Call after
     * {@link RecentMessages#refresh}, which renewed the stamp and the unread count the event carries.
     */
    void inboxChanged(long siteId, long userId, long conversationId) {
        changes.fire(new MailboxChanged(
                siteId, userId, conversationId, recent.unread(siteId, userId), stamp(siteId, userId)));
    }

    /**
     * Records a change of what user {@code userId} sent in conversation {@code conversationId} (stored, delivered,
     * deleted for them): a new stamp, and {@link MailboxChanged} without an unread count (it did not change).
     */
    void outboxChanged(long siteId, long userId, long conversationId) {
        cache.invalidate(scope(siteId, userId));
        changes.fire(new MailboxChanged(siteId, userId, conversationId, -1, stamp(siteId, userId)));
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

    private static Scope scope(long siteId, long userId) {
        return new Scope("s" + siteId + "/mailbox/u" + userId);
    }
}
