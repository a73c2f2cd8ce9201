package org.parley.user.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Parley's log-in, for each request in this order:
 *
 * <ol>
 *   <li>{@link SessionLoginApplied}: a session that logged in is logged in from its {@link SessionLogin} (nothing else
 *       is looked at); Jakarta Security's {@code @AutoApplySession} would keep the container's identity in the session,
 *       which made every logged-in request write the replicated session;
 *   <li>{@link LoginCookie}: a request without a logged-in session but with the log-in cookie is logged in by it, so
 *       a session lost with the server that held it (or with the cluster's copy of it) logs nobody out;
 *   <li>{@code @LoginToContinue}: a page that needs a log-in sends the caller to {@code /users/login} and, once
 *       logged in, back;
 *   <li>this class: the credential the login page's bean submits through {@code SecurityContext.authenticate},
 *       checked by {@link SiteIdentityStore}; a valid one also gets the log-in cookie ({@link RememberedLogins}).
 * </ol>
 *
 * Needs WildFly's {@code integrated-jaspi=false} on the application security domain, so that identities come from
 * this mechanism rather than from a server realm.
 */
@SessionLoginApplied
@LoginCookie
@LoginToContinue(loginPage = "/users/login", errorPage = "", useForwardToLogin = false)
@ApplicationScoped
public class LoginMechanism implements HttpAuthenticationMechanism {

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private RememberedLogins rememberedLogins;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                rememberedLogins.remember(request, response);
            }
            return context.notifyContainerAboutLogin(result);
        }
        return context.doNothing();
    }
}
