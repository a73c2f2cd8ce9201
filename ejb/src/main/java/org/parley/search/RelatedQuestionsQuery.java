package org.parley.search;

import static org.parley.analysis.SearchNames.*;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.mapper.orm.Search;
import org.parley.metrics.RequestTimings;
import org.parley.metrics.RequestTimings.Kind;
import org.parley.post.Question;
import org.parley.post.QuestionSummaries;

/**
 * The one query behind related and similar questions, in the portable predicate DSL (no Lucene-only
 * more-like-this), so it runs the same on Lucene and OpenSearch: the picked words as a should-match over the title
 * (boosted) and the body of the site's language fields, plus optional clauses, filtered to one site's questions and
 * routed to its shard. The index gives the numbers (projected, no entity loaded); {@link #rows} reads what the
 * page shows from the database in one query, as question lists do.
 */
final class RelatedQuestionsQuery {

    /** How much more a word in a title counts than the same word in a body. */
    static final float TITLE_BOOST = 3f;

    private RelatedQuestionsQuery() {}

    /** Something more to add to the should-clauses, given the factory and the title field's name. */
    @FunctionalInterface
    interface Clauses {
        void add(SearchPredicateFactory f, BooleanPredicateClausesStep<?> should, String titleField);
    }

    /**
     * The best {@code max} questions of the site that match at least one of the should-clauses.
     *
     * @param words the words to match in titles and bodies, space-separated (analysed by the site's analyzer)
     * @param languageTag the site's language, which names the text fields
     * @param exclude a question number to leave out, or 0
     * @param titleMinimumMatch the share (percent) of {@code words} a title must hold to count, 0 for any one
     * @param bodyMinimumMatch the share (percent) of {@code words} a body must hold to count, 0 for any one
     */
    static List<Hit> run(
            EntityManager em,
            long siteId,
            String languageTag,
            String words,
            int titleMinimumMatch,
            int bodyMinimumMatch,
            Clauses more,
            long exclude,
            int max) {
        String title = textField(POST_TITLE, languageTag);
        String body = textField(POST_BODY, languageTag);
        try (var step = RequestTimings.step(Kind.SEARCH)) {
            return Search.session(em)
                    .search(Question.class)
                    .select(f -> projection(f))
                    .where(f -> {
                        BooleanPredicateClausesStep<?> should = f.bool();
                        if (!words.isBlank()) {
                            var inTitle = f.match().field(title).matching(words).boost(TITLE_BOOST);
                            if (titleMinimumMatch > 0) {
                                inTitle.minimumShouldMatchPercent(titleMinimumMatch);
                            }
                            should.should(inTitle);
                            var inBody = f.match().field(body).matching(words);
                            if (bodyMinimumMatch > 0) {
                                inBody.minimumShouldMatchPercent(bodyMinimumMatch);
                            }
                            should.should(inBody);
                        }
                        more.add(f, should, title);
                        BooleanPredicateClausesStep<?> query = f.bool()
                                .must(should)
                                .filter(f.match().field(POST_SITE).matching(siteId));
                        if (exclude > 0) {
                            query.mustNot(f.match().field(POST_NUMBER).matching(exclude));
                        }
                        return query;
                    })
                    .routing(SiteRoutingBinder.key(siteId))
                    .fetchHits(max);
        }
    }

    /**
     * The rows of {@code hits}, in their order, read from the database as question lists read them (title, score,
     * answers, acceptance as they are now, even when the index lags); a hit whose question is gone is left out.
     */
    static List<RelatedQuestion> rows(QuestionSummaries summaries, long siteId, List<Hit> hits) {
        Map<Long, Boolean> closed = new HashMap<>();
        hits.forEach(h -> closed.put(h.number(), h.closed()));
        return summaries.byNumbers(siteId, hits.stream().map(Hit::number).toList()).stream()
                .map(q -> new RelatedQuestion(
                        q.number(),
                        q.title(),
                        q.score(),
                        q.answerCount(),
                        q.hasAcceptedAnswer(),
                        closed.getOrDefault(q.number(), false)))
                .toList();
    }

    /** A hit: the question's number, and whether it is closed (which list rows do not carry). */
    record Hit(long number, boolean closed) {}

    private static ProjectionFinalStep<Hit> projection(SearchProjectionFactory<?, ?> f) {
        return f.composite()
                .from(f.field(POST_NUMBER, Long.class), f.field(POST_CLOSED, Boolean.class))
                .as((number, closed) -> new Hit(number, Boolean.TRUE.equals(closed)));
    }
}
