package org.parley.errorlog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.parley.errorlog.ErrorContext;
import org.parley.errorlog.ErrorLog;
import org.parley.site.SiteInfo;
import org.parley.site.web.SiteFilter;

/** Notes a request's exception once, with the request's context. */
final class RequestErrors {

    /** Request attribute holding the request id ({@link ErrorLogFilter}). */
    static final String REQUEST_ID = "org.parley.errorlog.requestId";
    /** Request attribute set once the request's exception is noted, so that it is noted once. */
    private static final String NOTED = "org.parley.errorlog.noted";

    private RequestErrors() {}

    static void note(ErrorLog log, HttpServletRequest request, Throwable thrown) {
        if (request.getAttribute(NOTED) != null) {
            return;
        }
        StringBuilder url = new StringBuilder(request.getMethod()).append(' ').append(request.getRequestURI());
        if (request.getQueryString() != null) {
            url.append('?').append(request.getQueryString());
        }
        Object site = request.getAttribute(SiteFilter.ATTRIBUTE);
        Principal user = request.getUserPrincipal();
        boolean noted = log.record(
                thrown,
                new ErrorContext(
                        url.toString(),
                        site instanceof SiteInfo info ? info.host() : request.getServerName(),
                        user == null ? null : user.getName(),
                        (String) request.getAttribute(REQUEST_ID)));
        if (noted) {
            request.setAttribute(NOTED, Boolean.TRUE);
        }
    }
}
