package org.parley.accesslog.web;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parley.accesslog.AccessLog;
import org.parley.accesslog.AccessRecord;
import org.parley.metrics.RequestTimings;
import org.parley.site.SiteInfo;
import org.parley.site.web.SiteFilter;

/**
 * Logs every request but static files ({@link AccessRoute#isStatic}) and WebSocket upgrades as one {@link
 * AccessRecord}. Mapped just outside the {@code Server-Timing} filter, so it reads that filter's timings and the
 * body's length from the request once the response has gone out; the row is only offered to {@link AccessLog}'s
 * bounded queue, never written on the request's thread. A request that threw is logged as a 500.
 */
public class AccessLogFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @EJB
    private AccessLog accessLog;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (AccessRoute.isStatic(path) || "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            chain.doFilter(request, response);
            return;
        }
        long time = System.currentTimeMillis();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            log(request, response, path, time, failed);
        }
    }

    private void log(HttpServletRequest request, HttpServletResponse response, String path, long time, boolean failed) {
        RequestTimings timings = (RequestTimings) request.getAttribute(RequestTimings.ATTRIBUTE);
        int status = failed ? 500 : response.getStatus();
        String type = response.getContentType();
        boolean page = !failed
                && type != null
                && type.startsWith("text/html")
                && !"partial/ajax".equals(request.getHeader("Faces-Request"));
        SiteInfo site = (SiteInfo) request.getAttribute(SiteFilter.ATTRIBUTE);
        accessLog.record(new AccessRecord(
                time,
                site == null ? "-" : site.host(),
                AccessRoute.of(path),
                request.getMethod(),
                status,
                timings == null ? 0 : timings.bytesSent(),
                timings == null ? 0 : timings.totalNanos() / 1000,
                micros(timings, RequestTimings.Kind.SQL),
                micros(timings, RequestTimings.Kind.CACHE),
                micros(timings, RequestTimings.Kind.TAGS),
                micros(timings, RequestTimings.Kind.SEARCH),
                request.getUserPrincipal() != null,
                page));
    }

    private static long micros(RequestTimings timings, RequestTimings.Kind kind) {
        return timings == null ? 0 : timings.nanos(kind) / 1000;
    }
}
