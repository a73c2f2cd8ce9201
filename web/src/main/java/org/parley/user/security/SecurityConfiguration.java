package org.parley.user.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Parley's log-in: a form that the login page's bean submits through {@code SecurityContext.authenticate}, checked by
 * {@link SiteIdentityStore}, remembered in the HTTP session. A caller who opens a page that needs a log-in (see the
 * security constraints in web.xml) is redirected to {@code /users/login} and, once logged in, back to that page.
 * Needs WildFly's {@code integrated-jaspi=false} on the application security domain, so that identities come from
 * this mechanism rather than from a server realm.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/users/login", errorPage = "", useForwardToLogin = false))
@ApplicationScoped
public class SecurityConfiguration {}
