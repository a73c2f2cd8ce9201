package org.parley.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of question lists, fetched by number once the tag engine has said which questions a page shows. This is
 * the one place list pages read questions, so that a shared cache can answer here first.
 */
@ApplicationScoped
public class QuestionSummaries {

    private static final String BY_IDS = "select q from Question q left join fetch q.owner where q.id in :ids";

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /**
     * The list rows of these questions of a site, in the order given, read in one query; a number without a question
     * (gone since the list was made) is left out. Read by primary key ({@link PostNumbers}).
     */
    public List<QuestionSummary> byNumbers(long siteId, List<Long> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        Map<Long, QuestionSummary> found = new HashMap<>();
        List<Long> ids = PostNumbers.ids(em, siteId, numbers);
        if (ids.isEmpty()) {
            return List.of();
        }
        em.createQuery(BY_IDS, Question.class)
                .setParameter("ids", ids)
                .getResultStream()
                .forEach(q -> found.put(q.getNumber(), q.toSummary()));
        List<QuestionSummary> ordered = new ArrayList<>(numbers.size());
        for (Long number : numbers) {
            QuestionSummary summary = found.get(number);
            if (summary != null) {
                ordered.add(summary);
            }
        }
        return ordered;
    }

    /** How many questions each site has, by site id; a site without questions is missing. For the admin's site list. */
    public Map<Long, Long> countsBySite() {
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery("select q.site.id, count(q) from Question q group by q.site.id", Object[].class)
                .getResultStream()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }
}
