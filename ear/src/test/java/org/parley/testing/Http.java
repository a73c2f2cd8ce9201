package org.parley.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Plain HTTP against the test server with any Host header (sites are chosen by host), without following redirects.
 * Needs {@code -Dsun.net.http.allowRestrictedHeaders=true} in whichever JVM runs it: the build sets it for the test
 * JVM and arquillian.xml for the test server, where in-container tests run.
 */
public final class Http {

    public record Response(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private Http() {}

    /**
     * The server's HTTP port: {@code it.http.port} where Failsafe sets it, else (inside the server, which only gets
     * the offset) 8080 plus the server's port offset.
     */
    public static int port() {
        Integer port = Integer.getInteger("it.http.port");
        return port != null ? port : 8080 + Integer.getInteger("jboss.socket.binding.port-offset", 2300);
    }

    /**
     * The server's operators' listener ({@code /bench}, {@code /metrics}, {@code /health}'s details): 9180 plus the
     * server's port offset, on loopback.
     */
    public static int opsPort() {
        return 9180
                + Integer.getInteger("it.port.offset", Integer.getInteger("jboss.socket.binding.port-offset", 2300));
    }

    public static Response get(String host, String path) throws IOException {
        return get(host, path, Map.of());
    }

    /** A GET on the operators' listener. */
    public static Response ops(String host, String path) throws IOException {
        return get(opsPort(), host, path, Map.of());
    }

    /** A GET on the operators' listener with extra request headers. */
    public static Response ops(String host, String path, Map<String, String> headers) throws IOException {
        return get(opsPort(), host, path, headers);
    }

    /** A GET with extra request headers (e.g. If-None-Match). */
    public static Response get(String host, String path, Map<String, String> headers) throws IOException {
        return get(port(), host, path, headers);
    }

    private static Response get(int port, String host, String path, Map<String, String> headers) throws IOException {
        Bytes answer = getBytes(port, host, path, headers);
        return new Response(answer.status(), answer.headers(), new String(answer.body(), StandardCharsets.UTF_8));
    }

    /** An answer's status, headers and body exactly as sent (HttpURLConnection decompresses nothing). */
    public record Bytes(int status, Map<String, List<String>> headers, byte[] body) {}

    /** A GET on the test server as {@code host}, its body as bytes; redirects are not followed. */
    public static Bytes getBytes(String host, String path, Map<String, String> headers) throws IOException {
        return getBytes(port(), host, path, headers);
    }

    private static Bytes getBytes(int port, String host, String path, Map<String, String> headers) throws IOException {
        HttpURLConnection c = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        c.setRequestProperty("Host", host + ":" + port);
        headers.forEach(c::setRequestProperty);
        c.setConnectTimeout(5000);
        c.setReadTimeout(30000);
        int status = c.getResponseCode();
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            return new Bytes(status, c.getHeaderFields(), in == null ? new byte[0] : in.readAllBytes());
        }
    }
}
