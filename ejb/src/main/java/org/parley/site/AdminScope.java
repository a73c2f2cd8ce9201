package org.parley.site;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.common.Actor;
import org.parley.rules.NotAllowedException;

/**
 * Whose admin an admin is. The admin role is stored per site: an admin of a site is that site's admin only (its
 * settings, limits, privileges, moderators and analytics). The admins of the server's own site
 * ({@value #SERVER_SITE_PROPERTY}, by default {@code localhost}, the site every start makes) are the server's admins:
 * they create sites and change any of them, and they alone reach what spans sites or touches the server's folders —
 * imports and exports, dead letters, the caches, the search indexes.
 */
@ApplicationScoped
public class AdminScope {

    /** System property naming the host of the site whose admins administer the server. */
    public static final String SERVER_SITE_PROPERTY = "parley.server.site";

    @EJB
    private SiteService sites;

    /** Whether {@code actor} is an admin of the server's own site. */
    public boolean isServerAdmin(Actor actor) {
        if (actor == null || !actor.isAdmin()) {
            return false;
        }
        return sites.findByHost(System.getProperty(SERVER_SITE_PROPERTY, "localhost"))
                .map(s -> s.id() == actor.siteId())
                .orElse(false);
    }

    /** Whether {@code actor} administers site {@code siteId}: its own admin, or the server's. */
    public boolean isAdminOf(Actor actor, long siteId) {
        return actor != null && actor.isAdmin() && (actor.siteId() == siteId || isServerAdmin(actor));
    }

    /**
     * Refuses anyone but the server's admins.
     *
     * @param what what is refused, as the end of "Only the server's admins can ..."
     */
    public void requireServerAdmin(Actor actor, String what) {
        if (!isServerAdmin(actor)) {
            throw new NotAllowedException("Only the server's admins (admins of its own site) can " + what + ".");
        }
    }

    /** Refuses anyone but an admin of site {@code siteId} or of the server. */
    public void requireAdminOf(Actor actor, long siteId, String what) {
        if (!isAdminOf(actor, siteId)) {
            throw new NotAllowedException("Only this site's admins can " + what + ".");
        }
    }
}
