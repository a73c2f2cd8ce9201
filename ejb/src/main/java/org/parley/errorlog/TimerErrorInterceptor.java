package org.parley.errorlog;

import jakarta.ejb.EJB;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.InvocationContext;

/**
 * Notes what escapes an EJB timer, then lets it go on (the container retries the timeout as before). Bound as the
 * default interceptor of the EJB module (its ejb-jar.xml), so no timer is forgotten and none imports this package;
 * having no {@code @AroundInvoke}, it stays out of every business method's chain.
 */
public class TimerErrorInterceptor {

    @EJB
    ErrorLog errors;

    @AroundTimeout
    public Object timeout(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (Exception | Error e) {
            errors.record(
                    e,
                    ErrorContext.of("timer:" + name(invocation) + "."
                            + invocation.getMethod().getName()));
            throw e;
        }
    }

    static String name(InvocationContext invocation) {
        return invocation.getMethod().getDeclaringClass().getSimpleName();
    }
}
