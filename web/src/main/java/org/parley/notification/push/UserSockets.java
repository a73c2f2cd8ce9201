package org.parley.notification.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.common.JsonProviders;

/**
 * This server's push sockets ({@link PushEndpoint}) by user, to send a user's changes to every page they have open
 * here. Lives on each server and is never replicated: every server consumes the notifications topic, so whichever
 * server holds a socket sends to it. Nothing of it is in the HTTP session; a socket knows its HTTP session's id only
 * to be closed when that session ends (log-out, expiry) and follows it when the id changes.
 */
@ApplicationScoped
public class UserSockets {

    private static final Logger log = Logger.getLogger(UserSockets.class.getName());

    /** user id → that user's open sockets here */
    private final ConcurrentMap<Long, Set<Session>> byUser = new ConcurrentHashMap<>();

    void opened(long userId, String httpSession, Session socket) {
        socket.getUserProperties().put(PushEndpoint.HTTP_SESSION, httpSession);
        byUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    void closed(Session socket) {
        if (socket.getUserProperties().get(PushEndpoint.USER) instanceof Long userId) {
            byUser.computeIfPresent(userId, (id, sockets) -> {
                sockets.remove(socket);
                return sockets.isEmpty() ? null : sockets;
            });
        }
    }

    /**
     * Sends {@code message} as one JSON object to every open socket of the user here; returns how many it went to. The
     * sends are asynchronous: a slow browser does not hold up the others or the caller.
     */
    public int send(long userId, Map<String, Object> message) {
        Set<Session> sockets = byUser.get(userId);
        if (sockets == null || sockets.isEmpty()) {
            return 0;
        }
        String json = json(message);
        int sent = 0;
        for (Session socket : sockets) {
            if (socket.isOpen()) {
                socket.getAsyncRemote().sendText(json);
                sent++;
            }
        }
        return sent;
    }

    /** A session ended (logged out, expired or invalidated) on this server: its sockets are closed. */
    void forget(String httpSession) {
        byUser.values()
                .forEach(sockets -> sockets.forEach(socket -> {
                    if (httpSession.equals(socket.getUserProperties().get(PushEndpoint.HTTP_SESSION))) {
                        sockets.remove(socket);
                        try {
                            socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Logged out"));
                        } catch (IOException e) {
                            log.log(Level.FINE, "Closing a push socket of an ended session", e);
                        }
                    }
                }));
        byUser.values().removeIf(Set::isEmpty);
    }

    /** A session got a new id (at log-in, against session fixation): its sockets follow it. */
    void renamed(String oldId, String newId) {
        byUser.values()
                .forEach(sockets -> sockets.forEach(socket -> {
                    socket.getUserProperties().replace(PushEndpoint.HTTP_SESSION, oldId, newId);
                }));
    }

    /** How many sockets are open here (for the admin page and tests). */
    public int size() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    static String json(Map<String, Object> message) {
        JsonObjectBuilder object = JsonProviders.JSON.createObjectBuilder();
        message.forEach((name, value) -> {
            if (value == null) {
                object.addNull(name);
            } else if (value instanceof Long n) {
                object.add(name, n);
            } else if (value instanceof Integer n) {
                object.add(name, n);
            } else if (value instanceof Boolean b) {
                object.add(name, b);
            } else {
                object.add(name, value.toString());
            }
        });
        return object.build().toString();
    }
}
