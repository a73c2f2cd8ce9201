package org.parley.cache.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.cache.CachedPage;
import org.parley.cache.Region;
import org.parley.cache.SharedCache;
import org.parley.site.SiteInfo;
import org.parley.site.web.SiteFilter;
import org.parley.web.OpsListener;

/**
 * The reference for {@code scripts/bench.sh pages}: the bytes of an anonymous page the output cache holds, served from
 * a plain field by a plain servlet ({@code /bench/limit?path=/questions/1/slug}), which is as fast as this server can
 * send those bytes. Copies at most {@value #MAX_PAGES} pages, once each ({@code &refresh=1} copies again); answers only
 * requests on the operators' listener ({@link OpsListener}).
 */
@WebServlet("/bench/limit")
public class BenchLimitServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_PAGES = 16;

    @Inject
    private SharedCache cache;

    private final Map<String, CachedPage> copies = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getParameter("path");
        SiteInfo site = (SiteInfo) request.getAttribute(SiteFilter.ATTRIBUTE);
        if (path == null || site == null || !OpsListener.isOps(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // refresh=1 copies the page again: the output cache re-renders it when it expires (view counts change).
        CachedPage page = "1".equals(request.getParameter("refresh")) ? null : copies.get(site.id() + path);
        if (page == null) {
            int q = path.indexOf('?');
            Optional<Object> cached = PageRoute.decide(
                                    q < 0 ? path : path.substring(0, q), q < 0 ? null : path.substring(q + 1))
                            instanceof PageRoute.Decision.Cached c
                    ? cache.peek(Region.PAGE, cache.versionedKey(c.route().key(site.id())))
                    : Optional.empty();
            if (cached.isEmpty() || (copies.size() >= MAX_PAGES && !copies.containsKey(site.id() + path))) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "Not in the output cache: request the page first");
                return;
            }
            page = (CachedPage) cached.get();
            copies.put(site.id() + path, page);
        }
        response.setContentType(page.contentType());
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }
}
