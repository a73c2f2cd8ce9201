package org.parley.notification.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.parley.common.Actor;
import org.parley.user.security.Viewer;

/**
 * This server's Faces push sockets by user: for every logged-in session that rendered a page here, the push context of
 * that session's channel. The layout's socket is session-scoped and carries no {@code user} attribute, deliberately:
 * with one, Mojarra keeps the user in its session-scoped channel manager, whose serialisation then looks CDI up, and
 * CDI cannot be looked up on the Infinispan threads that copy sessions to a server joining the cluster (or retry a
 * write after a topology change). The copy failed with "CDI is not available", sessions were left half-copied
 * (ISPN000474, "the message is corrupt") and requests hung until they failed. Without a user the channel manager holds
 * strings only, and this registry, which lives on each server and is never replicated, does the addressing.
 *
 * <p>A push context made during a request of a session keeps that session's channel ids (Mojarra resolves the id when
 * it sends), so a message sent from any thread reaches exactly that session's sockets. Entries leave when the session
 * ends on this server; a session that moved to another server is tracked there from its next page.
 */
@ApplicationScoped
public class UserSockets {

    @Inject
    @Push(channel = LiveNotifications.CHANNEL)
    private Instance<PushContext> sessionChannel;

    @Inject
    private Viewer viewer;

    @Inject
    private HttpServletRequest request;

    /** user id → (session id → push context of the session's channel) */
    private final ConcurrentMap<Long, ConcurrentMap<String, PushContext>> byUser = new ConcurrentHashMap<>();
    /** session id → user id, to forget a session by its id alone */
    private final ConcurrentMap<String, Long> users = new ConcurrentHashMap<>();

    /**
     * Remembers the current session's channel for the logged-in user; the layout calls it as it renders the socket.
     * Cheap after the first page of a session (two map reads).
     */
    public void track() {
        Actor actor = viewer.actor();
        HttpSession session = request.getSession(false);
        if (actor == null || session == null) {
            return;
        }
        String sessionId = session.getId();
        Long previous = users.put(sessionId, actor.userId());
        if (previous != null && previous != actor.userId()) {
            remove(previous, sessionId); // another user logged in on the same session id
        }
        Map<String, PushContext> sessions = byUser.computeIfAbsent(actor.userId(), id -> new ConcurrentHashMap<>());
        if (!sessions.containsKey(sessionId)) {
            PushContext channel = sessionChannel.get(); // made now, in this session's request: it keeps its channel ids
            if (sessions.putIfAbsent(sessionId, channel) != null) {
                sessionChannel.destroy(channel);
            }
        }
    }

    /** Sends to every socket of the user's sessions on this server; returns how many sessions had one to send to. */
    public int send(long userId, Object message) {
        Map<String, PushContext> sessions = byUser.get(userId);
        if (sessions == null) {
            return 0;
        }
        int reached = 0;
        for (PushContext channel : sessions.values()) {
            if (!channel.send(message).isEmpty()) {
                reached++;
            }
        }
        return reached;
    }

    /** A session ended (logged out, expired or invalidated) on this server. */
    void forget(String sessionId) {
        Long userId = users.remove(sessionId);
        if (userId != null) {
            remove(userId, sessionId);
        }
    }

    /** A session got a new id (at log-in, against session fixation). */
    void renamed(String oldId, String newId) {
        Long userId = users.remove(oldId);
        if (userId == null) {
            return;
        }
        Map<String, PushContext> sessions = byUser.get(userId);
        PushContext channel = sessions == null ? null : sessions.remove(oldId);
        if (channel != null) {
            users.put(newId, userId);
            sessions.put(newId, channel);
        }
    }

    /** How many sessions this server tracks (for the admin page and tests). */
    public int size() {
        return users.size();
    }

    private void remove(long userId, String sessionId) {
        byUser.computeIfPresent(userId, (id, sessions) -> {
            PushContext channel = sessions.remove(sessionId);
            if (channel != null) {
                sessionChannel.destroy(channel);
            }
            return sessions.isEmpty() ? null : sessions;
        });
    }
}
