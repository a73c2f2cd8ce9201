package org.parley.notification.push;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.parley.user.security.CurrentUser;

/**
 * The live-notification socket of a logged-in page ({@code /push/notifications}, opened by notifications.js): the
 * server pushes the user's notification and mailbox changes to it as JSON ({@link UserSockets#send}); the browser sends
 * nothing. Who the socket belongs to is read once, at the handshake, from the HTTP session's log-in; a socket of a
 * session that is not logged in, or opened from another site's page, is closed at once (1008).
 *
 * <p>Parley's own endpoint rather than Faces' {@code <f:websocket>}: Faces keeps a session's push channels in a
 * session-scoped bean that every page rendering the socket reads, so every logged-in page view wrote the replicated
 * session. This one keeps nothing in the session; each server knows only its own sockets ({@link UserSockets}).
 */
@ServerEndpoint(value = PushEndpoint.PATH, configurator = PushEndpoint.Handshake.class)
public class PushEndpoint {

    /** The socket's path in the application. */
    public static final String PATH = "/push/notifications";

    static final String USER = "parley.push.user";
    static final String HTTP_SESSION = "parley.push.session";
    static final String SOCKETS = "parley.push.sockets";

    @OnOpen
    public void open(Session socket, EndpointConfig config) throws IOException {
        Map<String, Object> properties = socket.getUserProperties();
        if (!(properties.get(USER) instanceof Long userId)
                || !(properties.get(HTTP_SESSION) instanceof String session)
                || !(properties.get(SOCKETS) instanceof UserSockets sockets)) {
            socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Not logged in"));
            return;
        }
        socket.setMaxIdleTimeout(0); // the browser keeps it as long as the page is open
        sockets.opened(userId, session, socket);
    }

    @OnClose
    public void close(Session socket) {
        forget(socket);
    }

    @OnError
    public void failed(Session socket, Throwable error) {
        forget(socket);
    }

    private static void forget(Session socket) {
        if (socket.getUserProperties().get(SOCKETS) instanceof UserSockets sockets) {
            sockets.closed(socket);
        }
    }

    /**
     * Reads the handshake's HTTP session log-in (an immutable attribute: reading it writes nothing to the session) and
     * its {@code Origin}, which must be this request's own host when a browser sends one (a page of another site must
     * not open a socket with the user's cookies). The properties set here are the connection's own (Jakarta WebSocket
     * 2.1: a copy per connection).
     */
    public static class Handshake extends ServerEndpointConfig.Configurator {

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            Map<String, Object> properties = config.getUserProperties();
            properties.remove(USER);
            properties.remove(HTTP_SESSION);
            properties.remove(SOCKETS);
            if (!sameOrigin(request.getHeaders())) {
                return;
            }
            HttpSession session = (HttpSession) request.getHttpSession();
            long userId = CurrentUser.userIdOf(session);
            if (userId == 0) {
                return;
            }
            properties.put(USER, userId);
            properties.put(HTTP_SESSION, session.getId());
            properties.put(SOCKETS, CDI.current().select(UserSockets.class).get());
        }

        /** No {@code Origin} (not a browser), or one naming the host the request was sent to. */
        static boolean sameOrigin(Map<String, List<String>> headers) {
            String origin = first(headers, "Origin");
            if (origin == null) {
                return true;
            }
            String host = first(headers, "Host");
            try {
                URI uri = URI.create(origin);
                String authority = uri.getAuthority();
                return host != null && authority != null && authority.equalsIgnoreCase(host);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static String first(Map<String, List<String>> headers, String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                    return header.getValue().get(0);
                }
            }
            return null;
        }
    }
}
