package org.parley.user.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.common.Role;
import org.parley.user.AccountStamps;
import org.parley.user.UserService;
import org.parley.user.Visits;

/**
 * Ends a logged-in session at its next request once its account's role changed (an admin appointed or dismissed a
 * moderator), on whichever server that request lands: the session holds the role, and the container's checks the
 * groups, it logged in with. Each logged-in request compares the account's stamp in the shared tier (a read of this
 * server's replica) with the one the session last confirmed; only when they differ is the role read from the database,
 * and the session ends if it is not the session's any more. A page request is then sent to its own URL again (where
 * a protected page asks for a log-in), an ajax request gets Faces' redirect, an API call a 401.
 */
public class StaleSessionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger log = Logger.getLogger(StaleSessionFilter.class.getName());

    @Inject
    private CurrentUser currentUser;

    @Inject
    private AccountStamps stamps;

    @Inject
    private UserService users;

    @Inject
    private RememberedLogins rememberedLogins;

    @Inject
    private Visits visits;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session == null || request.getUserPrincipal() == null || !currentUser.loggedIn()) {
            chain.doFilter(request, response);
            return;
        }
        String stamp = stamps.current(currentUser.siteId(), currentUser.userId());
        if (!stamp.equals(currentUser.stamp())) {
            Optional<Role> role = users.currentRole(currentUser.siteId(), currentUser.userId());
            if (role.isEmpty() || role.get() != currentUser.role()) {
                log.log(
                        Level.INFO,
                        "Ending a session of user {0} on site {1}: its role changed from {2} to {3}",
                        new Object[] {currentUser.userId(), currentUser.siteId(), currentUser.role(), role.orElse(null)
                        });
                end(request, response, session);
                sendAgain(request, response);
                return;
            }
            currentUser.confirmed(stamp);
        }
        recordVisit();
        chain.doFilter(request, response);
    }

    /**
     * The day's first logged-in request of a user on this server records the visit (for the consecutive-days badges);
     * later ones cost a look-up in memory. A visit that cannot be written costs that day's mark, not the page.
     */
    private void recordVisit() {
        long userId = currentUser.userId();
        if (!visits.isNew(userId)) {
            return;
        }
        try {
            visits.record(currentUser.siteId(), userId);
        } catch (RuntimeException e) {
            log.log(Level.FINE, "Visit of user {0} not recorded: {1}", new Object[] {userId, e.toString()});
        }
    }

    private void end(HttpServletRequest request, HttpServletResponse response, HttpSession session) {
        rememberedLogins.forget(request, response);
        currentUser.clear();
        try {
            request.logout();
        } catch (ServletException e) {
            log.log(Level.FINE, "Log-out failed; ending the session anyway: {0}", e.toString());
        }
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // ended meanwhile
        }
    }

    private static void sendAgain(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String again =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        response.setHeader("Cache-Control", "no-store");
        if (path.startsWith("/api/")) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.getOutputStream()
                    .write("{\"error\":\"Your role on this site changed: log in again.\"}"
                            .getBytes(StandardCharsets.UTF_8));
        } else if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                            + again.replace("&", "&amp;")
                                    .replace("\"", "&quot;")
                                    .replace("<", "&lt;")
                            + "\"/></partial-response>");
        } else {
            response.sendRedirect("GET".equals(request.getMethod()) ? again : request.getContextPath() + "/");
        }
    }
}
