package org.parley.post.live;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.parley.post.QuestionPages;
import org.parley.rules.NotFoundException;
import org.parley.site.SiteInfo;
import org.parley.site.web.SiteFilter;
import org.parley.web.ClientAddress;

/**
 * Stands before the question sockets' upgrade ({@code /push/questions/{number}}; mapped in web.xml after the site
 * filter, and so before Undertow's WebSocket filter, which the container adds after the declared ones): the site comes
 * from the host, the question must be one an anonymous reader may see (else 404: a deleted question's activity is
 * not public), a browser's page must be of this host (else 403), and the client's address is read as the log-in
 * throttle reads it, for the per-address limit. What it settled is handed to the handshake on this thread. It never
 * asks for a session.
 */
public class QuestionWatchFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @EJB
    private QuestionPages pages;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long number = number(path);
        if (!(request.getAttribute(SiteFilter.ATTRIBUTE) instanceof SiteInfo site) || number <= 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!sameOrigin(request.getHeader("Origin"), request.getHeader("Host"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        try {
            pages.view(site.id(), number, null); // from the shared tier, as the page itself
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        QuestionWatchEndpoint.ADMITTED.set(new QuestionWatchEndpoint.Admission(
                new LiveQuestions.Key(site.id(), number), ClientAddress.of(request)));
        try {
            chain.doFilter(request, response);
        } finally {
            QuestionWatchEndpoint.ADMITTED.remove();
        }
    }

    /** The question number of {@code /push/questions/{number}}, or -1. */
    static long number(String path) {
        if (!path.startsWith(QuestionWatchEndpoint.PREFIX)) {
            return -1;
        }
        String n = path.substring(QuestionWatchEndpoint.PREFIX.length());
        if (n.isEmpty() || n.length() > 18 || !n.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(n);
    }

    /** No {@code Origin} (not a browser), or one naming the host the request was sent to. */
    static boolean sameOrigin(String origin, String host) {
        if (origin == null) {
            return true;
        }
        try {
            String authority = URI.create(origin).getAuthority();
            return host != null && authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
