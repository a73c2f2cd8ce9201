package org.parley.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Who may call the operators' endpoints ({@code /bench/...}, {@code /metrics/...}, {@code /health}'s details): a
 * request that came in on the operators' HTTP listener, which wildfly-config/install-undertow.cli binds to the
 * management interface (loopback) on its own port (socket binding {@code parley-ops}). HAProxy forwards only to the
 * public listener, so behind it every caller would look local, and no encoded or parameterised path
 * ({@code /%62ench}, {@code /bench;x}) can reach these endpoints through it: they answer by the port, not the path.
 *
 * <p>The listener's port is read from WildFly's management model (its JMX view, as {@code L2Evictions} does), the
 * port actually bound, with the server's offset; a server without that binding answers no operator request.
 */
public final class OpsListener {

    private static final Logger log = Logger.getLogger(OpsListener.class.getName());
    /** The socket binding install-undertow.cli adds, in whatever socket binding group the server runs with. */
    static final String BINDING = "parley-ops";

    private static volatile int port;

    private OpsListener() {}

    /** True when {@code request} came in on the operators' listener. */
    public static boolean isOps(HttpServletRequest request) {
        int ops = port();
        return ops > 0 && request.getLocalPort() == ops;
    }

    /** The operators' listener's port on this server, or -1 when it has none. */
    public static int port() {
        int known = port;
        if (known <= 0) {
            // Not cached until found: only operator requests ask, and the binding may come up after the first one.
            known = read();
            port = known;
        }
        return known;
    }

    private static int read() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> names = server.queryNames(
                    new ObjectName("jboss.as:socket-binding-group=*,socket-binding=" + BINDING), null);
            for (ObjectName name : names) {
                Object bound = server.getAttribute(name, "boundPort");
                if (bound instanceof Number n && n.intValue() > 0) {
                    return n.intValue();
                }
            }
            log.log(Level.WARNING, "No bound socket binding {0}: operators'' endpoints answer nobody", BINDING);
        } catch (JMException | RuntimeException e) {
            log.log(Level.WARNING, "Cannot read the operators'' port: " + e, e);
        }
        return -1;
    }
}
