package org.parley.cache.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parley.cache.SharedCache;

/**
 * A page view reads each cache scope's stamp once ({@link SharedCache#rememberStamps}): a question page composes a
 * dozen keys under its question's scope, and each stamp read is an Infinispan lookup. Reads only (GET and HEAD): a
 * write's request invalidates scopes, which the memo would see, but gains nothing from it. Mapped in web.xml on the
 * Faces servlet only (pages, and the clean URLs forwarded to them): a request that waits or polls on its own thread
 * for a change (an in-container test's runner, found by MessageInboxIT; a long poll) must read each stamp afresh.
 */
public class StampsPerRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private SharedCache cache;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        try (SharedCache.StampMemo memo = cache.rememberStamps()) {
            chain.doFilter(request, response);
        }
    }
}
