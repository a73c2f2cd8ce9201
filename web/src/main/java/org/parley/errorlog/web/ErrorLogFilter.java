package org.parley.errorlog.web;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.parley.errorlog.ErrorLog;

/**
 * Gives each request an id ({@code X-Request-Id}: the one HAProxy or a client sent, if it is short and plain, else a
 * new one; answered in the same header) and notes in the exception log whatever escapes the rest of the chain: a full
 * page's unexpected exception (Faces rethrows it to the container) or a REST call's (no mapper took it). The
 * exception then goes on to the container's 500 page, so the log never costs the person their error page.
 */
public class ErrorLogFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String HEADER = "X-Request-Id";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @EJB
    private ErrorLog errors;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = request.getHeader(HEADER);
        if (id == null || !PLAIN.matcher(id).matches()) {
            id = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        }
        request.setAttribute(RequestErrors.REQUEST_ID, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            RequestErrors.note(errors, request, e);
            throw e;
        }
    }
}
