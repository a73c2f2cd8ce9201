package org.parley.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;
import org.parley.cache.CacheKey;
import org.parley.cache.Region;
import org.parley.cache.Scope;
import org.parley.cache.SharedCache;

/**
 * Host to site lookups for every request, through the shared tier ({@link Region#SITE}: bounded in size and
 * lifetime in each server's L1, shared through L2). Unknown hosts are cached too, as absent, so a flood of made-up
 * Host headers costs one query each at most once per lifetime. Creating a site clears every lookup on every server.
 */
@ApplicationScoped
public class SiteCache {

    @Inject
    private SharedCache cache;

    public SiteCache() {}

    SiteCache(SharedCache cache) {
        this.cache = cache;
    }

    /** The cached answer for {@code host} (already normalised), loading and caching it when missing. */
    public Optional<SiteInfo> get(String host, Function<String, Optional<SiteInfo>> loader) {
        return Optional.ofNullable(cache.get(
                CacheKey.global(Region.SITE, "host/" + host, Scope.sites()),
                SiteInfo.class,
                () -> loader.apply(host).orElse(null)));
    }

    /**
     * Forgets every lookup, and every cached page and list of site {@code siteId}, on every server: after a setting
     * that changes how its pages render (math) changed.
     */
    public void clearWithPages(long siteId) {
        cache.invalidate(Scope.sites(), Scope.lists(siteId));
    }

    /** Forgets every lookup on every server, e.g. after a site was created. */
    public void clear() {
        cache.invalidate(Scope.sites());
    }
}
