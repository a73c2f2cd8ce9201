package org.parley.site.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;

/**
 * Picks the site by the request's host name and makes it available as {@link CurrentSite} and as the request
 * attribute {@value #ATTRIBUTE}. An unknown host gets a plain 404 "No such site" page that names no other site.
 * Faces resources and versioned assets are the same for every site (a CDN fetches them under its own origin host
 * name), the health check answers for any host (load balancers probe by address), and the operators' server-wide
 * endpoints under {@value #OPS} belong to no site (they answer on the operators' listener only), so they pass straight
 * through. Mapped in web.xml, after the timing filter and before routing.
 */
public class SiteFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Request attribute holding the {@link SiteInfo}. */
    public static final String ATTRIBUTE = "site";

    private static final String RESOURCES = "/jakarta.faces.resource/";
    private static final String ASSETS = "/assets/";
    private static final String HEALTH = "/health";
    private static final String OPS = "/ops/";

    private static final String NO_SUCH_SITE = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
      <title>No such site</title>
      <style>body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f7f9;
      margin:0;display:grid;place-items:center;min-height:100vh}main{background:#fff;border:1px solid #d8dde3;
      border-radius:12px;padding:2rem 2.5rem;max-width:32rem;margin:1rem}h1{font-size:1.5rem;margin:0 0 .5rem}</style>
      </head><body><main><h1>No such site</h1>
      <p>There is no site at this address. Check the host name you typed.</p></main></body></html>
      """;

    @Inject
    private SiteService sites;

    @Inject
    private CurrentSite currentSite;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(RESOURCES) || path.startsWith(ASSETS) || path.equals(HEALTH) || path.startsWith(OPS)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<SiteInfo> site = sites.findByHost(CurrentSite.hostOf(request));
        if (site.isEmpty()) {
            noSuchSite(response);
            return;
        }
        currentSite.set(site.get());
        request.setAttribute(ATTRIBUTE, site.get());
        chain.doFilter(request, response);
    }

    private static void noSuchSite(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(NO_SUCH_SITE);
    }
}
