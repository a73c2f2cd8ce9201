package org.parley.cache;

import java.util.List;
import java.util.Objects;

/**
 * What to cache: a region, an id unique within it (site-prefixed for per-site data) and the scopes whose
 * invalidation must drop it.
 */
public record CacheKey(Region region, String id, List<Scope> scopes) {

    public CacheKey {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(id, "id");
        scopes = List.copyOf(scopes);
    }

    /** A key of one site's data: the id is prefixed with the site, so two sites never share an entry. */
    public static CacheKey of(Region region, long siteId, String id, Scope... scopes) {
        return new CacheKey(region, "s" + siteId + "/" + id, List.of(scopes));
    }

    /** A question page's shared data; invalidated by any change to the question, its answers or comments. */
    public static CacheKey question(long siteId, long number) {
        return of(Region.QUESTION, siteId, "q/" + number, Scope.question(siteId, number));
    }

    /** A key of data that belongs to no site (host lookups). */
    public static CacheKey global(Region region, String id, Scope... scopes) {
        return new CacheKey(region, id, List.of(scopes));
    }
}
