package org.parley.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.parley.submission.SubmissionKey;

/**
 * Gives a write request's submission key ({@link SubmissionKey}) to the services it calls: the {@code
 * Idempotency-Key} header (ajax and API clients) or the {@code parley-submission} form field (page forms), both
 * filled in by parley.js with a new random key per submission, so that the same submission replayed by the load
 * balancer on another server is carried out once. A malformed key is a 400; a request without one runs as before.
 */
public class SubmissionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(SubmissionKey.HEADER);
        if (key == null && isForm(request)) {
            // Read the form as Faces will: UTF-8 unless the request says otherwise (a form's parameters are parsed
            // once).
            if (request.getCharacterEncoding() == null) {
                request.setCharacterEncoding(StandardCharsets.UTF_8.name());
            }
            key = request.getParameter(SubmissionKey.FIELD);
            if (key != null && key.isEmpty()) {
                key = null; // the field as the page renders it, without parley.js to fill it in
            }
        }
        if (key != null && !SubmissionKey.isValid(key)) {
            response.sendError(
                    HttpServletResponse.SC_BAD_REQUEST,
                    "A submission key is 8 to " + SubmissionKey.MAX_LENGTH
                            + " letters, digits, hyphens or underscores.");
            return;
        }
        SubmissionKey.set(key);
        try {
            chain.doFilter(request, response);
        } finally {
            SubmissionKey.clear();
        }
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
