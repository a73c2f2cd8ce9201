package org.parley.post.live;

import jakarta.enterprise.inject.spi.CDI;
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
import java.util.Map;

/**
 * The live socket of an open question page ({@code /push/questions/{number}} on the site's host, opened by
 * live-question.js), for anonymous and logged-in readers alike: the server sends a small JSON object per committed
 * change of the question ({@code {"kind":"ANSWERED","post":123,"v":...}}); the browser sends nothing. Public data, so
 * no log-in and no HTTP session: the question, its site and the client's address are settled by {@link
 * QuestionWatchFilter} before the upgrade (a missing or deleted question is a 404, another site's page a 403) and
 * handed over on the handshake's thread. Over the limits of {@link LiveQuestions} the socket is closed at once with
 * 1013 (try again later); the page then long-polls.
 */
@ServerEndpoint(value = QuestionWatchEndpoint.PATH, configurator = QuestionWatchEndpoint.Handshake.class)
public class QuestionWatchEndpoint {

    /** The socket's path in the application; {@value #PREFIX} is what {@link QuestionWatchFilter} guards. */
    public static final String PATH = "/push/questions/{n}";

    public static final String PREFIX = "/push/questions/";

    /** What the filter settled for the upgrade running on this thread; read by {@link Handshake}. */
    static final ThreadLocal<Admission> ADMITTED = new ThreadLocal<>();

    static final String ADMISSION = "parley.live.admission";
    static final String LIVE = "parley.live.questions";

    record Admission(LiveQuestions.Key key, String address) {}

    @OnOpen
    public void open(Session socket, EndpointConfig config) throws IOException {
        Map<String, Object> properties = socket.getUserProperties();
        if (!(properties.remove(ADMISSION) instanceof Admission admission)
                || !(properties.get(LIVE) instanceof LiveQuestions live)) {
            socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Not admitted"));
            return;
        }
        LiveQuestions.Refusal refused = live.watch(admission.key(), admission.address(), socket);
        if (refused != null) {
            socket.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, refused.name()));
            return;
        }
        socket.setMaxIdleTimeout(0); // the browser keeps it as long as the page is open
        socket.setMaxTextMessageBufferSize(128); // it sends nothing
        socket.setMaxBinaryMessageBufferSize(128);
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
        if (socket.getUserProperties().get(LIVE) instanceof LiveQuestions live) {
            live.unwatch(socket);
        }
    }

    /** Copies the filter's admission into the connection's own properties (a copy per connection). */
    public static class Handshake extends ServerEndpointConfig.Configurator {

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            Map<String, Object> properties = config.getUserProperties();
            properties.remove(ADMISSION);
            properties.remove(LIVE);
            Admission admission = ADMITTED.get();
            if (admission == null) {
                return;
            }
            properties.put(ADMISSION, admission);
            properties.put(LIVE, CDI.current().select(LiveQuestions.class).get());
        }
    }
}
