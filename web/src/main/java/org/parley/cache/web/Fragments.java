package org.parley.cache.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.parley.cache.CacheKey;
import org.parley.cache.Region;
import org.parley.cache.Scope;
import org.parley.cache.SharedCache;
import org.parley.site.web.CurrentSite;

/**
 * Keys of cached fragments for {@code <o:cache key="#{fragments.post(q.number())}" scope="application">}: each names
 * the current site and the stamps of what the fragment shows, so a change makes the old key unreachable.
 */
@Named
@ApplicationScoped
public class Fragments {

    @Inject
    private SharedCache cache;

    @Inject
    private CurrentSite site;

    /** A post's body block (rendered Markdown, tags, author card); dropped when the post changes. */
    public String post(long number) {
        long siteId = site.id();
        return cache.versionedKey(CacheKey.of(Region.FRAGMENT, siteId, "post/" + number, Scope.post(siteId, number)));
    }

    /**
     * The stamp of a question's scope, read before its page loads the question: pass it to {@link #post(long,
     * String)}. Any change to the question or one of its answers gives that scope a new stamp.
     */
    public String pin(long questionNumber) {
        long siteId = site.id();
        return cache.versionedKey(CacheKey.of(
                Region.FRAGMENT, siteId, "question/" + questionNumber, Scope.question(siteId, questionNumber)));
    }

    /**
     * A post's body block rendered from data loaded after {@code pin} was read. The key is composed when the fragment
     * is rendered, which is after the data was loaded: without the pin, a write that committed in between would leave
     * the old body stored under the new stamp, where every later reader finds it (seen across two servers by
     * CacheInvalidationClusterIT). With it, such a body is stored under the old question stamp, which nobody reads.
     */
    public String post(long number, String pin) {
        return post(number) + "~" + pin;
    }

    /** A sidebar listing the site's questions ({@code name} tells sidebars apart); dropped when any post changes. */
    public String sidebar(String name) {
        long siteId = site.id();
        return cache.versionedKey(CacheKey.of(Region.FRAGMENT, siteId, "sidebar/" + name, Scope.lists(siteId)));
    }
}
