package org.parley.search;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.sort.dsl.SortOrder;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.parley.analysis.SearchNames;
import org.parley.post.Answer;
import org.parley.post.Post;
import org.parley.post.PostChanged;
import org.parley.post.Question;

/**
 * The transactions of {@link PostIndexer}: each writes documents in a transaction of its own (the observers that
 * call them run after the writer's transaction ended), and the index writes happen when it commits.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PostIndexFreshness {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /** A post's id and row version in the database. */
    public record Version(long id, long rowVersion) {}

    /**
     * Writes the documents a change shows on: its question's answers (and, when {@code all}, the question and the
     * changed post themselves too, as a server that did not write them needs).
     */
    public void write(PostChanged change, boolean all) {
        Question question = em.createQuery(
                        "select q from Question q where q.site.id = :site and q.number = :number", Question.class)
                .setParameter("site", change.siteId())
                .setParameter("number", change.questionNumber())
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (question == null) {
            return;
        }
        SearchSession search = Search.session(em);
        if (all || PostIndexer.touchesAnswers(change)) {
            List<Answer> answers = em.createQuery("select a from Answer a where a.question = :q", Answer.class)
                    .setParameter("q", question)
                    .getResultList();
            if (all) {
                search.indexingPlan().addOrUpdate(question);
                if (!PostIndexer.touchesAnswers(change)) {
                    answers.stream()
                            .filter(a -> a.getNumber() == change.postNumber())
                            .forEach(a -> search.indexingPlan().addOrUpdate(a));
                    return;
                }
            }
            answers.forEach(a -> search.indexingPlan().addOrUpdate(a));
        }
    }

    /** The newest row version in the index, or null when it holds no post. */
    public Long newestIndexed() {
        List<Long> newest = Search.session(em)
                .search(List.of(Question.class, Answer.class))
                .select(f -> f.field(SearchNames.POST_ROW_VERSION, Long.class))
                .where(f -> f.matchAll())
                .sort(f -> f.field(SearchNames.POST_ROW_VERSION).order(SortOrder.DESC))
                .fetchHits(1);
        return newest.isEmpty() ? null : newest.get(0);
    }

    /** The highest row version of any committed post, or 0 when there is none (one step down an index). */
    public long newestRowVersion() {
        Long newest = em.createQuery("select max(p.rowVersion) from Post p", Long.class)
                .getSingleResult();
        return newest == null ? 0 : newest;
    }

    /** Posts whose row version is above {@code since}, lowest first, at most {@code limit}, outside the given sites. */
    public List<Version> changedSince(long since, java.util.Set<Long> exceptSites, int limit) {
        var query = exceptSites.isEmpty()
                ? em.createQuery(
                        "select p.id, p.rowVersion from Post p where p.rowVersion > :since order by p.rowVersion",
                        Object[].class)
                : em.createQuery(
                                "select p.id, p.rowVersion from Post p where p.rowVersion > :since"
                                        + " and p.site.id not in :sites order by p.rowVersion",
                                Object[].class)
                        .setParameter("sites", exceptSites);
        return query.setParameter("since", since)
                .setMaxResults(limit)
                .getResultStream()
                .map(r -> new Version((Long) r[0], (Long) r[1]))
                .toList();
    }

    /**
     * Writes the documents of those posts whose document is missing or has another row version.
     *
     * @return how many were written
     */
    public int writeStale(List<Version> posts) {
        Map<Long, Long> indexed = new HashMap<>();
        List<Long> ids = posts.stream().map(Version::id).toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> some = ids.subList(from, Math.min(ids.size(), from + 1000));
            Search.session(em)
                    .search(List.of(Question.class, Answer.class))
                    .select(f -> f.composite()
                            .from(f.id(Long.class), f.field(SearchNames.POST_ROW_VERSION, Long.class, ValueModel.INDEX))
                            .asList())
                    .where(f -> f.id().matchingAny(some))
                    .fetchHits(some.size())
                    .forEach(row -> indexed.put((Long) row.get(0), (Long) row.get(1)));
        }
        List<Long> stale = new ArrayList<>();
        for (Version p : posts) {
            if (!Long.valueOf(p.rowVersion()).equals(indexed.get(p.id()))) {
                stale.add(p.id());
            }
        }
        if (stale.isEmpty()) {
            return 0;
        }
        SearchSession search = Search.session(em);
        for (int from = 0; from < stale.size(); from += 500) {
            for (Post post : em.createQuery("select p from Post p where p.id in :ids", Post.class)
                    .setParameter("ids", stale.subList(from, Math.min(stale.size(), from + 500)))
                    .getResultList()) {
                search.indexingPlan().addOrUpdate(post);
            }
        }
        return stale.size();
    }
}
