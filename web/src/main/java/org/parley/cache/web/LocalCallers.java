package org.parley.cache.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who may call the operators' endpoints ({@code /bench/...}, {@code /metrics/...}): a caller on this machine only, as
 * WildFly's management interface is bound to loopback. HAProxy refuses those paths from outside with a 403 of its own.
 */
public final class LocalCallers {

    private LocalCallers() {}

    /** True when the request comes from a loopback address. */
    public static boolean isLocal(HttpServletRequest request) throws UnknownHostException {
        return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
    }
}
