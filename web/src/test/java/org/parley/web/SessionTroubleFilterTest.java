package org.parley.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

class SessionTroubleFilterTest {

    @Test
    void weldsSessionBeanStoreLosingTheSessionIsTheSessionStoreFailing() {
        NullPointerException npe = new NullPointerException("Cannot invoke \"HttpSession.getAttribute(String)\"");
        npe.setStackTrace(new StackTraceElement[] {
            new StackTraceElement(
                    "org.jboss.weld.module.web.context.beanstore.http.AbstractSessionBeanStore",
                    "getLockStore",
                    "AbstractSessionBeanStore.java",
                    127),
            new StackTraceElement("org.parley.user.security.StaleSessionFilter", "doFilter", null, 45)
        });
        assertTrue(SessionTroubleFilter.sessionStoreFailed(npe));
        assertTrue(SessionTroubleFilter.sessionStoreFailed(new ServletException(npe)), "wrapped too");
    }

    @Test
    void otherFailuresAreNot() {
        NullPointerException ours = new NullPointerException("a bug of ours");
        ours.setStackTrace(
                new StackTraceElement[] {new StackTraceElement("org.parley.post.web.QuestionView", "getDetail", null, 1)
                });
        assertFalse(SessionTroubleFilter.sessionStoreFailed(ours));
        assertFalse(SessionTroubleFilter.sessionStoreFailed(new IllegalStateException("no")));
        assertFalse(SessionTroubleFilter.sessionStoreFailed(new ServletException("no cause")));
    }
}
