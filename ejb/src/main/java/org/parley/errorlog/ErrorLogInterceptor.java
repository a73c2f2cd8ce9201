package org.parley.errorlog;

import jakarta.ejb.EJB;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.InvocationContext;
import jakarta.jms.MessageListener;

/**
 * Notes what escapes an MDB's {@code onMessage} or an EJB timer, then lets it go on (so the container rolls back,
 * Artemis redelivers and dead-letters, the timer retries). Bound as a default interceptor of every EJB in each
 * module's ejb-jar.xml, so no MDB or timer can be forgotten and none imports this package; a business method of a
 * session bean passes straight through (its caller's capture point notes what it throws, once).
 */
public class ErrorLogInterceptor {

    @EJB
    private ErrorLog errors;

    @AroundInvoke
    public Object message(InvocationContext invocation) throws Exception {
        if (!(invocation.getTarget() instanceof MessageListener)) {
            return invocation.proceed();
        }
        try {
            return invocation.proceed();
        } catch (Exception | Error e) {
            errors.record(e, ErrorContext.of("mdb:" + name(invocation)));
            throw e;
        }
    }

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

    private static String name(InvocationContext invocation) {
        Class<?> type = invocation.getMethod().getDeclaringClass();
        return type.getSimpleName();
    }
}
