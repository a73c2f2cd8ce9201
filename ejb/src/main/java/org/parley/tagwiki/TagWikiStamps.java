package org.parley.tagwiki;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.cache.Scope;
import org.parley.cache.SharedCache;

/**
 * After a tag wiki edit commits, stamps the site's lists anew: the tags page and tag lists cached for anonymous
 * readers show excerpts. Runs on the writer's thread before its request answers, as post changes do.
 */
@ApplicationScoped
public class TagWikiStamps {

    private static final Logger log = Logger.getLogger(TagWikiStamps.class.getName());

    @Inject
    private SharedCache cache;

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) TagWikiChanged change) {
        try {
            cache.invalidate(Scope.lists(change.siteId()));
        } catch (RuntimeException e) {
            log.log(Level.SEVERE, e, () -> "Could not invalidate the lists after " + change);
        }
    }
}
