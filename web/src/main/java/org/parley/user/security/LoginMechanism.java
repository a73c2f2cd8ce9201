package org.parley.user.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.authentication.mechanism.http.RememberMe;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.user.LoginTokens;

/**
 * Parley's log-in, through Jakarta Security's own interceptors, in this order for each request:
 *
 * <ol>
 *   <li>{@code @AutoApplySession}: a session that logged in is logged in (nothing else is looked at);
 *   <li>{@code @RememberMe}: a request without one but with the log-in cookie ({@value #COOKIE}) is logged in by
 *       {@link RememberedLogins}, and a password log-in gets that cookie. So a session lost with the server that held
 *       it (or with the cluster's copy of it) logs nobody out; log-out revokes the cookie's token;
 *   <li>{@code @LoginToContinue}: a page that needs a log-in sends the caller to {@code /users/login} and, once
 *       logged in, back;
 *   <li>this class: the credential the login page's bean submits through {@code SecurityContext.authenticate},
 *       checked by {@link SiteIdentityStore}.
 * </ol>
 *
 * The cookie is HttpOnly, {@code SameSite=Lax} (undertow-handlers.conf, for every cookie) and Secure when the request
 * came over HTTPS. Needs WildFly's {@code integrated-jaspi=false} on the application security domain, so that
 * identities come from this mechanism rather than from a server realm.
 */
@AutoApplySession
@RememberMe(
        cookieName = LoginMechanism.COOKIE,
        cookieMaxAgeSecondsExpression = "#{self.cookieMaxAge}",
        cookieSecureOnlyExpression = "#{httpMessageContext.request.secure}",
        cookieHttpOnly = true)
@LoginToContinue(loginPage = "/users/login", errorPage = "", useForwardToLogin = false)
@ApplicationScoped
public class LoginMechanism implements HttpAuthenticationMechanism {

    /** The log-in cookie's name. */
    public static final String COOKIE = "parley_login";

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (context.getAuthParameters().getCredential() != null) {
            return context.notifyContainerAboutLogin(
                    identityStores.validate(context.getAuthParameters().getCredential()));
        }
        return context.doNothing();
    }

    /** The cookie lasts as long as its token: {@link LoginTokens#LIFETIME}. */
    public int getCookieMaxAge() {
        return (int) LoginTokens.LIFETIME.toSeconds();
    }
}
