package org.parley.errorlog;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.jms.MessageListener;

/**
 * Notes what escapes an MDB's {@code onMessage} (and, inherited, a timer), then lets it go on, so the container rolls
 * back and Artemis redelivers and dead-letters as before. The default interceptor of the modules with MDBs (the JMS
 * module's jboss-ejb3.xml, the WAR's ejb-jar.xml); a session bean's business method there passes straight through
 * (its caller's capture point notes what it throws, once).
 */
public class ErrorLogInterceptor extends TimerErrorInterceptor {

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
}
