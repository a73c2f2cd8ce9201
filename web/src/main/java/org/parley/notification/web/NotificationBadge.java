package org.parley.notification.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.parley.common.Actor;
import org.parley.notification.NotificationService;
import org.parley.notification.NotificationState;
import org.parley.user.security.Viewer;

/**
 * The top bar's notification counter for the logged-in user: the unread count and newest number the page starts
 * with (one primary-key read). Holds nothing in the session.
 */
@Named("notificationBadge")
@RequestScoped
public class NotificationBadge {

    @Inject
    private Viewer viewer;

    @EJB
    private NotificationService notifications;

    private NotificationState state;

    /** The counters, or zeros when anonymous. */
    public NotificationState getState() {
        if (state == null) {
            Actor actor = viewer.actor();
            state = actor == null ? new NotificationState(0, 0) : notifications.state(actor.userId());
        }
        return state;
    }
}
