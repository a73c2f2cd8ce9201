package org.parley.user.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.RememberMeCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.RememberMeIdentityStore;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.rules.NotFoundException;
import org.parley.site.web.CurrentSite;
import org.parley.user.LoginTokens;

/**
 * The log-in cookie's store for Jakarta Security's {@code @RememberMe} (see {@link LoginMechanism}): a password
 * log-in on a site gets a token of {@link LoginTokens} for the account {@link SiteIdentityStore} just logged in, and a
 * request with that cookie but no logged-in session is logged in as the token's account, on the token's site only,
 * with the account's role as it is now; the session then remembers it in {@link CurrentUser} as a password log-in
 * does.
 */
@ApplicationScoped
public class RememberedLogins implements RememberMeIdentityStore {

    private static final Logger log = Logger.getLogger(RememberedLogins.class.getName());

    @Inject
    private LoginTokens tokens;

    @Inject
    private CurrentSite currentSite;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(RememberMeCredential credential) {
        long siteId;
        try {
            siteId = currentSite.id();
        } catch (NotFoundException noSuchSite) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<LoginTokens.Remembered> remembered = tokens.redeem(siteId, credential.getToken());
        if (remembered.isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        LoginTokens.Remembered who = remembered.get();
        // The session gets an id of the server's making, as a password log-in's does (Authenticator.logIn): the
        // container would otherwise give the new session the id the browser sent, one an attacker may have planted.
        request.getSession(true);
        request.changeSessionId();
        log.log(Level.FINE, "Logged {0} in on site {1} by the log-in cookie", new Object[] {who.username(), siteId});
        currentUser.signedIn(siteId, who.username(), who.actor());
        return new CredentialValidationResult(
                who.username(), SiteIdentityStore.groupsOf(who.actor().role()));
    }

    @Override
    public String generateLoginToken(CallerPrincipal callerPrincipal, Set<String> groups) {
        if (!currentUser.loggedIn()) {
            throw new IllegalStateException("a log-in token for " + callerPrincipal + " before the log-in was noted");
        }
        return tokens.issue(currentUser.siteId(), currentUser.userId());
    }

    @Override
    public void removeLoginToken(String token) {
        tokens.revoke(token);
    }

    /**
     * Log-out: revokes the request's log-in cookie's token and tells the browser to drop the cookie. Called by Parley's
     * own log-outs, since whether {@code request.logout()} reaches {@code @RememberMe} depends on the container.
     */
    void forget(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return;
        }
        for (Cookie cookie : cookies) {
            if (LoginMechanism.COOKIE.equals(cookie.getName())) {
                tokens.revoke(cookie.getValue());
                Cookie gone = new Cookie(LoginMechanism.COOKIE, "");
                gone.setMaxAge(0);
                gone.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
                gone.setHttpOnly(true);
                response.addCookie(gone);
            }
        }
    }
}
