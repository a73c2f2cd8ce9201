package org.parley.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.search.mapper.orm.Search;
import org.parley.post.Post;
import org.parley.post.PostChanged;

/**
 * Re-indexes the question (and the post) a change shows on, inside the writing transaction, so that the document is
 * rewritten at commit. {@link PostDocumentBinder} reads the post whole ({@code useRootOnly()}), and with that
 * declaration Hibernate Search does not re-index a post when its columns change: answering a question left its answer
 * count and first-answer time stale until {@link PostIndexer}'s row-version catch-up (about 5 s), and with them the
 * answer rate and the time to first answer ({@code AnalyticsIT} asks for them right after answering). Idempotent with
 * the catch-up, which then finds the document current.
 */
@ApplicationScoped
public class AnalyticsIndexing {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    void changed(@Observes PostChanged change) {
        if (change.kind() == PostChanged.Kind.COMMENTED) {
            return; // nothing the documents hold
        }
        var plan = Search.session(em).indexingPlan();
        for (long number : change.questionNumber() == change.postNumber()
                ? new long[] {change.questionNumber()}
                : new long[] {change.questionNumber(), change.postNumber()}) {
            em.createQuery("select p from Post p where p.site.id = :site and p.number = :number", Post.class)
                    .setParameter("site", change.siteId())
                    .setParameter("number", number)
                    .getResultStream()
                    .findFirst()
                    .ifPresent(plan::addOrUpdate);
        }
    }
}
