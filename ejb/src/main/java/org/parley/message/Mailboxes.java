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
 * conversations changes. Pushes carry it; a page that long-polls (no socket) sends the stamp it saw and is answered at
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
     * Records a change to user {@code userId}'s conversation {@code conversationId}: a new stamp, and {@link
     * MailboxChanged} fired in the caller's transaction (pushed once it commits). Call after the change and after
     * {@link RecentMessages#refresh}, so the event carries the new unread count.
     */
    void changed(long siteId, long userId, long conversationId) {
        cache.invalidate(scope(siteId, userId));
        changes.fire(new MailboxChanged(
                siteId, userId, conversationId, recent.unread(siteId, userId), stamp(siteId, userId)));
    }

    /** User {@code userId}'s current stamp (one read of the shared cache). */
    public String stamp(long siteId, long userId) {
        String versioned =
                cache.versionedKey(CacheKey.of(Region.FRAGMENT, siteId, "mailbox/" + userId, scope(siteId, userId)));
        return Integer.toHexString(versioned.hashCode());
    }

    private static Scope scope(long siteId, long userId) {
        return new Scope("s" + siteId + "/mailbox/u" + userId);
    }
}
