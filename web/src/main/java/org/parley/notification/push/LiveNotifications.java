package org.parley.notification.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tells this server's browsers about a notification change: through Faces push to every socket of the user's sessions
 * here ({@code <f:websocket channel="notifications" scope="session">} in the layout, addressed by {@link UserSockets}),
 * and by answering the user's long-polls waiting here.
 */
@ApplicationScoped
public class LiveNotifications {

    /** The Faces push channel the layout's socket listens on. */
    public static final String CHANNEL = "notifications";

    @Inject
    private UserSockets sockets;

    @Inject
    private LongPolls polls;

    public void deliver(Signal signal) {
        sockets.send(signal.userId(), signal.payload());
        polls.wake(signal.userId());
    }
}
