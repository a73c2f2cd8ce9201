package org.parley.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.post.PostChanged;

/**
 * Drops what a committed change makes stale, on every server, before the writing call returns: the question's page,
 * the changed post's fragments and the site's lists. Runs on the writer's thread right after the commit (a CDI
 * transactional observer), so the writer's request has not answered yet; see {@link SharedCache} for why this, and
 * not the events topic, is what keeps other servers from serving old values.
 */
@ApplicationScoped
public class CacheInvalidation {

  private static final Logger log = Logger.getLogger(CacheInvalidation.class.getName());

  @Inject private SharedCache cache;

  void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostChanged change) {
    try {
      cache.invalidate(scopesOf(change));
    } catch (RuntimeException e) {
      // The change is committed and cannot be undone here; cached copies stay stale for their region's lifetime.
      log.log(Level.SEVERE, "Could not invalidate the caches for " + change, e);
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
