package org.parley.message.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.parley.message.MailboxState;
import org.parley.message.MessageService;
import org.parley.user.security.Viewer;

/**
 * What the top bar and the home page show of a logged-in user's messages: the unread count and the recent-messages
 * widget, both read from the shared cache (no SQL on a hit), once per request; and the mailbox stamp the page's live
 * updates start from (a message page reads it before its data, so a change in between is never missed).
 */
@Named
@RequestScoped
public class MessageBadge {

    @Inject
    private MessageService messages;

    @Inject
    private Viewer viewer;

    private MailboxState mailbox;
    private String recentHtml;

    public long getUnread() {
        return mailbox().unread();
    }

    /** The mailbox stamp the page was rendered with ("" when anonymous). */
    public String getStamp() {
        return mailbox().stamp();
    }

    private MailboxState mailbox() {
        if (mailbox == null) {
            mailbox = viewer.isLoggedIn() ? messages.mailbox(viewer.actor()) : new MailboxState(0, "");
        }
        return mailbox;
    }

    /** The recent-messages widget HTML (rendered by the server from sanitised bodies), or "" when anonymous. */
    public String getRecentHtml() {
        if (recentHtml == null) {
            recentHtml = viewer.isLoggedIn() ? messages.recentHtml(viewer.actor()) : "";
        }
        return recentHtml;
    }
}
