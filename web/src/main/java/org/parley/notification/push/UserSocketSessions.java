package org.parley.notification.push;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;

/** Keeps {@link UserSockets} in step with the sessions of this server: renamed at log-in, gone when they end. */
@WebListener
public class UserSocketSessions implements HttpSessionListener, HttpSessionIdListener {

    @Inject
    private UserSockets sockets;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sockets.forget(event.getSession().getId());
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        sockets.renamed(oldSessionId, event.getSession().getId());
    }
}
