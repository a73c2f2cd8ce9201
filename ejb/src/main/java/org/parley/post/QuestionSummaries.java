package org.parley.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.common.Slugs;
import org.parley.user.UserRef;

/**
 * The rows of question lists, fetched by number once the tag engine has said which questions a page shows. This is
 * the one place list pages read questions, so that a shared cache can answer here first.
 */
@ApplicationScoped
public class QuestionSummaries {

    /** The columns a list row shows, and no more: not the entity, whose two bodies are large objects. */
    private static final String BY_IDS = "select q.number, q.title, q.tagNames, q.score, q.answerCount,"
            + " q.acceptedAnswer.id, q.viewCount, q.createdAt, q.lastActivityAt,"
            + " o.number, o.displayName, o.reputation, o.deleted, q.ownerDisplayName"
            + " from Question q left join q.owner o where q.id in :ids";

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
        em.createQuery(BY_IDS, Object[].class)
                .setParameter("ids", ids)
                .getResultStream()
                .map(QuestionSummaries::summary)
                .forEach(q -> found.put(q.number(), q));
        List<QuestionSummary> ordered = new ArrayList<>(numbers.size());
        for (Long number : numbers) {
            QuestionSummary summary = found.get(number);
            if (summary != null) {
                ordered.add(summary);
            }
        }
        return ordered;
    }

    private static QuestionSummary summary(Object[] r) {
        String title = (String) r[1];
        return new QuestionSummary(
                (Long) r[0],
                title,
                Slugs.slugify(title),
                Question.splitTagNames((String) r[2]),
                (Integer) r[3],
                (Integer) r[4],
                r[5] != null,
                (Long) r[6],
                (Instant) r[7],
                (Instant) r[8],
                UserRef.author((Long) r[9], (String) r[10], (Integer) r[11], (Boolean) r[12], (String) r[13]));
    }

    /** How many questions each site has, by site id; a site without questions is missing. For the admin's site list. */
    public Map<Long, Long> countsBySite() {
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery(
                        "select q.site.id, count(q) from Question q where q.deletedAt is null group by q.site.id",
                        Object[].class)
                .getResultStream()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }
}
