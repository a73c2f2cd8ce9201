package org.parley.cache.web;

import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.Map;
import org.omnifaces.util.cache.Cache;
import org.omnifaces.util.cache.CacheProvider;
import org.parley.cache.Region;
import org.parley.cache.SharedCache;
import org.parley.web.LookedUp;

/**
 * Backs OmniFaces' {@code <o:cache>} with the shared tier, so a rendered fragment is rendered once and then shared by
 * every server through L2 ({@link Region#FRAGMENT}). Keys come from {@link Fragments} and already carry the stamps of
 * what the fragment shows, so invalidation needs nothing here. Registered with the context parameter
 * {@code org.omnifaces.CACHE_PROVIDER}; every scope maps to the shared tier (pages use {@code scope="application"}).
 */
public class FragmentCacheProvider implements CacheProvider {

    private final SharedTierCache cache = new SharedTierCache();

    @Override
    public Cache getCache(FacesContext context, String scope) {
        return cache;
    }

    @Override
    public void setParameters(Map<String, String> parameters) {
        // Bounds are the region's (size and lifetime); nothing to set.
    }

    /** OmniFaces' cache interface over {@link SharedCache}; time-to-live comes from the region. */
    static final class SharedTierCache implements Cache {
        private static final long serialVersionUID = 1L;

        private static final LookedUp<SharedCache> TIER = LookedUp.of(SharedCache.class);

        private static SharedCache tier() {
            return TIER.get();
        }

        @Override
        public String get(String key) {
            return tier().peek(Region.FRAGMENT, key).map(String.class::cast).orElse(null);
        }

        @Override
        public Serializable getObject(String key) {
            return get(key);
        }

        @Override
        public void put(String key, String value) {
            tier().put(Region.FRAGMENT, key, value);
        }

        @Override
        public void put(String key, String value, int timeToLive) {
            put(key, value);
        }

        @Override
        public void putObject(String key, Serializable value, int timeToLive) {
            if (value instanceof String s) {
                put(key, s);
            }
        }

        @Override
        public Serializable getAttribute(String key, String name) {
            return null;
        }

        @Override
        public void putAttribute(String key, String name, Serializable value, int timeToLive) {
            // o:cache keeps no attributes for the fragments Parley caches.
        }

        @Override
        public void remove(String key) {
            // Fragments are dropped by stamping their scopes (SharedCache.invalidate), never one by one.
        }

        @Override
        public void clear() {
            // As remove.
        }
    }
}
