package org.parley.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers 503 with {@code Retry-After}, not 500, when a request fails because the replicated session store could not
 * be read: in the cluster, right after a server died, the survivor's session cache may refuse a read while the
 * cluster's view changes ({@code ISPN000136 ... Transaction ... is not in a valid state}), and the session the request
 * was given then disappears under it (Weld's session-scoped beans fail with a {@code NullPointerException} in {@code
 * AbstractSessionBeanStore}). Nothing was done for such a request, so HAProxy, which retries 503s, sends it again a
 * moment later and the person sees the page instead of an error. Any other failure goes on as it was. Mapped first,
 * so that it sees what every other filter and servlet let through.
 */
public class SessionTroubleFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger log = Logger.getLogger(SessionTroubleFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            if (!sessionStoreFailed(e) || response.isCommitted()) {
                throw e;
            }
            log.log(
                    Level.WARNING,
                    "The session store failed under {0} {1} (the cluster changing?): 503, to be retried: {2}",
                    new Object[] {request.getMethod(), request.getRequestURI(), e.toString()});
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "1");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream()
                    .write("The server is busy for a moment; please try again.\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Whether {@code thrown}, or a cause of it, is the replicated session store failing: an Infinispan exception, or a
     * {@code NullPointerException} thrown by Weld's HTTP session bean store (the session gone in mid-request).
     */
    static boolean sessionStoreFailed(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().startsWith("org.infinispan.")) {
                return true;
            }
            StackTraceElement[] stack = t.getStackTrace();
            if (t instanceof NullPointerException
                    && stack.length > 0
                    && stack[0].getClassName().startsWith("org.jboss.weld.module.web.context.beanstore.http.")) {
                return true;
            }
        }
        return false;
    }
}
