package org.parley.site.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.parley.rules.NotFoundException;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;

/**
 * The site the current request is for. {@link SiteFilter} sets it from the Host header; code that runs where the
 * filter did not (an error dispatch, a test) resolves it from the same header on first use.
 */
@Named
@RequestScoped
public class CurrentSite {

    @Inject
    private SiteService sites;

    @Inject
    private HttpServletRequest request;

    private SiteInfo info;

    void set(SiteInfo info) {
        this.info = info;
    }

    /** The site; never null inside a request that reached a page. */
    public SiteInfo getInfo() {
        if (info == null) {
            info = sites.findByHost(hostOf(request)).orElseThrow(() -> new NotFoundException("No such site."));
        }
        return info;
    }

    /**
     * The site's title, or "Parley" when the site cannot be read; for error pages, which must render even when the
     * error was the database.
     */
    public String getSafeTitle() {
        try {
            return getInfo().title();
        } catch (RuntimeException e) {
            return "Parley";
        }
    }

    /** The site's language for the page's {@code lang} attribute, or "en" when the site cannot be read. */
    public String getSafeLanguage() {
        try {
            return getInfo().language();
        } catch (RuntimeException e) {
            return "en";
        }
    }

    public long id() {
        return getInfo().id();
    }

    /** The request's host name without port, lower-case. */
    static String hostOf(HttpServletRequest request) {
        String host = request.getServerName();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }
}
