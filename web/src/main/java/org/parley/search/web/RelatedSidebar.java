package org.parley.search.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.search.RelatedQuestion;
import org.parley.search.RelatedQuestions;
import org.parley.site.web.CurrentSite;

/**
 * The question page's "Related" sidebar ({@code #{relatedQuestions.of(q.number())}}), the same for anonymous and
 * logged-in readers, so the anonymous output cache keeps it with the page. A search that fails leaves the sidebar out
 * rather than the page: the question is what the reader came for.
 */
@Named("relatedQuestions")
@RequestScoped
public class RelatedSidebar {

    private static final Logger log = Logger.getLogger(RelatedSidebar.class.getName());

    @Inject
    private RelatedQuestions related;

    @Inject
    private CurrentSite site;

    private final Map<Long, List<RelatedQuestion>> read = new HashMap<>();

    /** The question's related questions, best first (at most {@value RelatedQuestions#RELATED}); read once a request. */
    public List<RelatedQuestion> of(long number) {
        return read.computeIfAbsent(number, n -> {
            try {
                return related.related(site.id(), n);
            } catch (RuntimeException e) {
                log.log(Level.WARNING, e, () -> "Related questions of " + n + " on site " + site.id() + " failed");
                return List.of();
            }
        });
    }
}
