package org.parley.synonym;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.cache.Scope;
import org.parley.cache.SharedCache;
import org.parley.tag.TagRepository;

/**
 * After an approval commits, stamps the site's synonyms and lists anew on the writer's thread: from the next request
 * on, every server maps the synonym in tag lists and new questions, and no cached list shows the old tag.
 */
@ApplicationScoped
public class SynonymStamps {

    private static final Logger log = Logger.getLogger(SynonymStamps.class.getName());

    @Inject
    private SharedCache cache;

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) SynonymsChanged change) {
        try {
            cache.invalidate(TagRepository.synonymScope(change.siteId()), Scope.lists(change.siteId()));
        } catch (RuntimeException e) {
            log.log(Level.SEVERE, e, () -> "Could not invalidate the synonyms after " + change);
        }
    }
}
