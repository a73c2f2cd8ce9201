package org.parley.search;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.hibernate.search.mapper.orm.Search;
import org.parley.analysis.SearchNames;
import org.parley.common.Actor;
import org.parley.post.Answer;
import org.parley.post.Question;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.post.VoteService;
import org.parley.post.VoteType;

/**
 * Writes posts as a server that dies between its commit and its index write would: the change is committed, no
 * document is written (Hibernate Search's indexing plan of the transaction excludes posts). Deployed inside the EJB
 * module, with the services it calls in the same transaction. Also reads documents back for the test.
 */
@Stateless
public class UnindexedWriter {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @EJB
    private QuestionService questions;

    @EJB
    private VoteService votes;

    private void excludePosts() {
        Search.session(em).indexingPlanFilter(ctx -> ctx.exclude(Question.class).exclude(Answer.class));
    }

    public QuestionSummary ask(Actor asker, String title, String body, List<String> tags) {
        excludePosts();
        return questions.ask(asker, title, body, tags);
    }

    public void upVote(Actor voter, long postNumber) {
        excludePosts();
        votes.vote(voter, postNumber, VoteType.UP);
    }

    /** The post's row version in the database. */
    public long rowVersion(long siteId, long number) {
        return em.createQuery(
                        "select p.rowVersion from Post p where p.site.id = :site and p.number = :number", Long.class)
                .setParameter("site", siteId)
                .setParameter("number", number)
                .getSingleResult();
    }

    /** Whether the answer's document says it is the accepted one; empty when the index has no document for it. */
    public Optional<Boolean> indexedAccepted(long siteId, long number) {
        return Search.session(em)
                .search(Answer.class)
                .select(f -> f.field(SearchNames.POST_ACCEPTED, Boolean.class))
                .where(f -> f.bool()
                        .must(f.match().field(SearchNames.POST_SITE).matching(siteId))
                        .must(f.match().field(SearchNames.POST_NUMBER).matching(number)))
                .routing(SiteRoutingBinder.key(siteId))
                .fetchHits(1)
                .stream()
                .findFirst();
    }

    /** The score in the question's document, or empty when the index has no document for it. */
    public Optional<Integer> indexedScore(long siteId, long number) {
        List<Integer> hits = Search.session(em)
                .search(Question.class)
                .select(f -> f.field(SearchNames.POST_SCORE, Integer.class))
                .where(f -> f.bool()
                        .must(f.match().field(SearchNames.POST_SITE).matching(siteId))
                        .must(f.match().field(SearchNames.POST_NUMBER).matching(number)))
                .routing(SiteRoutingBinder.key(siteId))
                .fetchHits(2);
        if (hits.size() > 1) {
            throw new AssertionError("two documents for question " + number + ": " + hits);
        }
        return hits.stream().findFirst();
    }
}
