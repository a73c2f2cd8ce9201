package org.parley.user.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.rules.NotFoundException;
import org.parley.site.web.CurrentSite;
import org.parley.user.LoginTokens;

/**
 * The log-in cookie ({@value #COOKIE}) of {@link LoginMechanism}: a password log-in on a site gets a token of
 * {@link LoginTokens} for the account {@link SiteIdentityStore} just logged in, and a request with that cookie but no
 * logged-in session is logged in as the token's account, on the token's site only, with the account's role as it is
 * now; the session then remembers it in {@link CurrentUser} as a password log-in does. The cookie is HttpOnly,
 * {@code SameSite=Lax} (undertow-handlers.conf, for every cookie) and Secure when the request came over HTTPS.
 */
@ApplicationScoped
public class RememberedLogins {

    /** The log-in cookie's name. */
    public static final String COOKIE = "parley_login";

    private static final Logger log = Logger.getLogger(RememberedLogins.class.getName());

    @Inject
    private LoginTokens tokens;

    @Inject
    private CurrentSite currentSite;

    @Inject
    private CurrentUser currentUser;

    /** After a password log-in ({@link CurrentUser} holds it): a new token, in the cookie. */
    void remember(HttpServletRequest request, HttpServletResponse response) {
        if (!currentUser.loggedIn()) {
            throw new IllegalStateException("a log-in cookie before the log-in was noted in the session");
        }
        String token = tokens.issue(currentUser.siteId(), currentUser.userId());
        response.addCookie(cookie(request, token, (int) LoginTokens.LIFETIME.toSeconds()));
    }

    /**
     * The identity the request's log-in cookie stands for, now noted in the session; empty without a cookie, and
     * empty with the cookie cleared when its token logs nobody in (expired, revoked, another site's, an account
     * deleted since).
     */
    Optional<CredentialValidationResult> recognise(HttpServletRequest request, HttpServletResponse response) {
        String token = tokenOf(request);
        if (token == null) {
            return Optional.empty();
        }
        Optional<LoginTokens.Remembered> remembered;
        try {
            remembered = tokens.redeem(currentSite.id(), token);
        } catch (NotFoundException noSuchSite) {
            remembered = Optional.empty();
        }
        if (remembered.isEmpty()) {
            response.addCookie(cookie(request, "", 0));
            return Optional.empty();
        }
        LoginTokens.Remembered who = remembered.get();
        log.log(Level.FINE, "Logged {0} in on site {1} by the log-in cookie", new Object[] {
            who.username(), who.actor().siteId()
        });
        // The session gets an id of the server's making, as a password log-in's does (Authenticator.logIn): the
        // container would otherwise give the new session the id the browser sent, one an attacker may have planted.
        request.getSession(true);
        request.changeSessionId();
        currentUser.signedIn(who.actor().siteId(), who.username(), who.actor());
        return Optional.of(new CredentialValidationResult(
                who.username(), SiteIdentityStore.groupsOf(who.actor().role())));
    }

    /** Log-out: revokes the request's log-in token and tells the browser to drop the cookie. */
    void forget(HttpServletRequest request, HttpServletResponse response) {
        String token = tokenOf(request);
        if (token != null) {
            tokens.revoke(token);
            response.addCookie(cookie(request, "", 0));
        }
    }

    private static String tokenOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setMaxAge(maxAge);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        return cookie;
    }
}
