package org.parley.message.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.parley.message.MessageService;
import org.parley.user.security.Viewer;

/**
 * What the top bar and the home page show of a logged-in user's messages: the unread count and the recent-messages
 * widget, both read from the shared cache (no SQL on a hit), once per request.
 */
@Named
@RequestScoped
public class MessageBadge {

    @Inject
    private MessageService messages;

    @Inject
    private Viewer viewer;

    private Long unread;
    private String recentHtml;

    public long getUnread() {
        if (unread == null) {
            unread = viewer.isLoggedIn() ? messages.unreadCount(viewer.actor()) : 0L;
        }
        return unread;
    }

    /** The recent-messages widget HTML (rendered by the server from sanitised bodies), or "" when anonymous. */
    public String getRecentHtml() {
        if (recentHtml == null) {
            recentHtml = viewer.isLoggedIn() ? messages.recentHtml(viewer.actor()) : "";
        }
        return recentHtml;
    }
}
