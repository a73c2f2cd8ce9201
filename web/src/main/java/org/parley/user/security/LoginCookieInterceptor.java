package org.parley.user.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.Optional;

/**
 * {@link LoginCookie}: logs a request in by its log-in cookie ({@link RememberedLogins}) before the mechanism's
 * {@code validateRequest} runs. It must come after {@link SessionLoginApplied} (a logged-in session wins, priority
 * +200) and before its {@code @LoginToContinue} (which sends a caller of a protected page to the log-in
 * page without asking the mechanism, +220): the place and the reason of Jakarta Security's own {@code @RememberMe}
 * (+210), which is not used because it builds an EL processor on every request that has no logged-in session, the
 * anonymous pages' hot path; this one only looks at the request's cookies then.
 */
@LoginCookie
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 210)
public class LoginCookieInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RememberedLogins rememberedLogins;

    @AroundInvoke
    Object logInByCookie(InvocationContext invocation) throws Exception {
        HttpMessageContext context = MechanismCalls.withoutCredential(invocation);
        if (context != null) {
            Object[] args = invocation.getParameters();
            Optional<CredentialValidationResult> remembered =
                    rememberedLogins.recognise((HttpServletRequest) args[0], (HttpServletResponse) args[1]);
            if (remembered.isPresent()) {
                return context.notifyContainerAboutLogin(remembered.get());
            }
        }
        return invocation.proceed();
    }
}
