package org.parley.post;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.cache.Scope;
import org.parley.cache.SharedCache;

/**
 * Drops what a committed change makes stale, on every server, before the writing call returns: the question's page,
 * the changed post's fragments and the site's lists. Runs on the writer's thread right after the commit (a CDI
 * transactional observer), so the writer's request has not answered yet; see {@link SharedCache} for why this, and
 * not the events topic, is what keeps other servers from serving old values.
 */
@ApplicationScoped
public class CacheInvalidation {

    private static final Logger log = Logger.getLogger(CacheInvalidation.class.getName());

    @Inject
    private SharedCache cache;

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostChanged change) {
        try {
            cache.invalidate(scopesOf(change));
        } catch (RuntimeException e) {
            // The change is committed and cannot be undone here; cached copies stay stale for their region's lifetime.
            log.log(Level.SEVERE, e, () -> "Could not invalidate the caches for " + change);
        }
    }

    /**
     * A change committed on another server, after this server's tag engine applied it (its observer has the default
     * priority, this one a later one): the writer stamped the scopes before its request returned, but between that and
     * this moment a request here may have rendered a listing from this server's engine, which did not have the change
     * yet, and stored it under the new stamp. Stamping again drops it. Found by TagFreshnessClusterIT: a retagged
     * question never appeared on the other server's cached tag page.
     */
    void onRemote(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) RemotePostChanged remote) {
        try {
            cache.invalidate(scopesOf(remote.change()));
        } catch (RuntimeException e) {
            log.log(Level.SEVERE, e, () -> "Could not invalidate the caches after the remote change " + remote);
        }
    }

    /** The scopes a change touches. */
    static Scope[] scopesOf(PostChanged change) {
        long site = change.siteId();
        return new Scope[] {
            Scope.question(site, change.questionNumber()), Scope.post(site, change.postNumber()), Scope.lists(site)
        };
    }
}
