package org.parley.user.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.parley.common.Actor;

/**
 * The user this HTTP session logged in as, and on which site. Set by {@link SiteIdentityStore} when a password is
 * checked (and by {@link RememberedLogins}); a session is only ever treated as logged in on the site it logged in to.
 * Holds ids only: names and reputation are read fresh for each page (see {@link Viewer}).
 *
 * <p>The session keeps it as one immutable attribute, {@link SessionLogin}, replaced on a change: reading it, as every
 * request does, leaves the replicated session unwritten (a session-scoped bean would be written back after every
 * request that touched it, since the session manager cannot tell whether it changed).
 */
@RequestScoped
public class CurrentUser {

    @Inject
    private HttpServletRequest request;

    private SessionLogin login() {
        HttpSession session = request.getSession(false);
        return session == null ? null : (SessionLogin) session.getAttribute(SessionLogin.ATTRIBUTE);
    }

    void signedIn(long siteId, String username, Actor actor) {
        request.getSession(true)
                .setAttribute(SessionLogin.ATTRIBUTE, SessionLogin.of(siteId, username, actor.userId(), actor.role()));
    }

    /** Whether the session is logged in (on some site). */
    boolean loggedIn() {
        return login() != null;
    }

    long siteId() {
        return login().siteId();
    }

    long userId() {
        return login().userId();
    }

    org.parley.common.Role role() {
        return login().role();
    }

    String stamp() {
        return login().stamp();
    }

    /** The token that forms of stateless pages post back in this session, or null when it is not logged in. */
    String formToken() {
        SessionLogin login = login();
        return login == null ? null : login.formToken();
    }

    /** Notes that at {@code stamp} the account still had the role this session logged in with. */
    void confirmed(String stamp) {
        SessionLogin login = login();
        if (login != null && !stamp.equals(login.stamp())) {
            request.getSession().setAttribute(SessionLogin.ATTRIBUTE, login.confirmed(stamp));
        }
    }

    /** Forgets the user, e.g. on log-out. */
    public void clear() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SessionLogin.ATTRIBUTE);
        }
    }

    /** The actor when this session logged in as {@code principalName} on site {@code siteId}, else null. */
    Actor actorFor(String principalName, long siteId) {
        SessionLogin login = login();
        if (login == null || login.siteId() != siteId || !login.username().equals(principalName)) {
            return null;
        }
        return new Actor(login.userId(), siteId, login.role());
    }

    String username() {
        SessionLogin login = login();
        return login == null ? null : login.username();
    }

    /**
     * The id of the user {@code session} is logged in as, or 0 when it is not logged in: for code that holds a session
     * outside a page request (a push socket's handshake). Reads the immutable log-in only, so it writes nothing.
     */
    public static long userIdOf(HttpSession session) {
        return session != null && session.getAttribute(SessionLogin.ATTRIBUTE) instanceof SessionLogin login
                ? login.userId()
                : 0;
    }
}
