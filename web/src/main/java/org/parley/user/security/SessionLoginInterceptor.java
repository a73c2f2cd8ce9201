package org.parley.user.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import java.io.Serializable;

/**
 * {@link SessionLoginApplied}: a request of a session that logged in is logged in from the session's {@link
 * SessionLogin} before the mechanism's {@code validateRequest} runs, at the place of Jakarta Security's {@code
 * @AutoApplySession} (priority +200, before the log-in cookie's +210 and {@code @LoginToContinue}'s +220).
 *
 * <p>Why not {@code @AutoApplySession}: it has the container keep the authenticated identity in the session (Elytron's
 * {@code IdentityContainer}), which every request then reads, and WildFly writes a session attribute back to the
 * replicated session cache after any request that read it unless its class is known to be immutable; that one is not,
 * so every logged-in request wrote the whole session. {@code SessionLogin} is immutable, so a request that only reads
 * it writes nothing; the caller is told to the container again on each request instead (a name and groups, no
 * password check).
 */
@SessionLoginApplied
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class SessionLoginInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CurrentUser currentUser;

    @AroundInvoke
    Object logInFromSession(InvocationContext invocation) throws Exception {
        HttpMessageContext context = MechanismCalls.withoutCredential(invocation);
        if (context != null && currentUser.loggedIn()) {
            return context.notifyContainerAboutLogin(
                    currentUser.username(), SiteIdentityStore.groupsOf(currentUser.role()));
        }
        return invocation.proceed();
    }
}
