package org.parley.message;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.cache.SharedCache;

/**
 * Once a change of a user's messages committed ({@link MailboxWritten}): new stamps for their mailbox (on every
 * server, synchronously), then {@link MailboxChanged} with what a reader sees now, which the notifications push to
 * their open pages. Outside the finished transaction (not supported): the unread count is read from the committed
 * rows on a connection of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailboxRenewal {

    private static final Logger log = Logger.getLogger(MailboxRenewal.class.getName());

    @Inject
    private SharedCache cache;

    @Inject
    private RecentMessages recent;

    @Inject
    private Mailboxes mailboxes;

    @Inject
    private Event<MailboxChanged> changes;

    /** A cache failure is logged: the entries under the old stamps age out with their region. */
    public void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailboxWritten change) {
        long siteId = change.siteId();
        long userId = change.userId();
        try {
            cache.invalidate(change.inbox() ? RecentMessages.scope(siteId, userId) : Mailboxes.scope(siteId, userId));
            long unread = change.inbox() ? recent.unread(siteId, userId) : -1;
            changes.fire(new MailboxChanged(
                    siteId, userId, change.conversationId(), unread, mailboxes.stamp(siteId, userId)));
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Could not renew the mailbox stamp after {0}: {1}", new Object[] {change, e});
        }
    }
}
