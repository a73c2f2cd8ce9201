package org.parley.search.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.parley.search.PostIndex;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Redirects;

/**
 * The search index column of /admin/sites: how many of each site's posts the index holds, and a button that rebuilds
 * one site's part of it in the background. {@link PostIndex#rebuild} checks that the viewer is an admin.
 */
@Named
@RequestScoped
public class SearchIndexView {

    @EJB
    private PostIndex index;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    private final Map<Long, PostIndex.Status> statuses = new HashMap<>();

    /** A site's status, read once per request. */
    public PostIndex.Status status(long siteId) {
        return statuses.computeIfAbsent(siteId, index::status);
    }

    /** A site's status in words, with exact counts: "1,424 of 1,424 posts", or "rebuilding: 300 of 1,424 posts". */
    public String describe(long siteId) {
        PostIndex.Status status = status(siteId);
        java.text.NumberFormat n = java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH);
        return status.running() >= 0
                ? "rebuilding: " + n.format(status.running()) + " of " + n.format(status.posts()) + " posts"
                : n.format(status.indexed()) + " of " + n.format(status.posts()) + " posts";
    }

    /** Whether a rebuild of the site runs on this server. */
    public boolean rebuilding(long siteId) {
        return status(siteId).running() >= 0;
    }

    /** Starts a rebuild of one site's documents and returns to the sites page, which shows its progress. */
    public void rebuild(long siteId, String host) throws IOException {
        index.rebuild(viewer.actor(), siteId);
        Redirects.withNotice(
                "Rebuilding the search index of " + host + "; its posts are searchable again as they are written.",
                links.adminSites());
    }
}
