package org.parley.user.security;

import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;

/** What Parley's interceptors on the log-in mechanism look at in the call they intercept. */
final class MechanismCalls {

    private MechanismCalls() {}

    /**
     * The message context when the intercepted call is the mechanism's {@code validateRequest} for a request that
     * brings no credential of its own (not a log-in form's post): the calls a session or a log-in cookie may log in;
     * else null.
     */
    static HttpMessageContext withoutCredential(InvocationContext invocation) {
        Object[] args = invocation.getParameters();
        return "validateRequest".equals(invocation.getMethod().getName())
                        && args.length == 3
                        && args[2] instanceof HttpMessageContext context
                        && context.getAuthParameters().getCredential() == null
                ? context
                : null;
    }
}
