package org.parley.search;

import static org.parley.analysis.SearchNames.*;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.mapper.orm.Search;
import org.parley.metrics.RequestTimings;
import org.parley.metrics.RequestTimings.Kind;
import org.parley.post.Question;

/**
 * The one query behind related and similar questions, in the portable predicate DSL (no Lucene-only
 * more-like-this), so it runs the same on Lucene and OpenSearch: the picked words as a should-match over the title
 * (boosted) and the body of the site's language fields, plus optional clauses, filtered to one site's questions and
 * routed to its shard; hits are projected from the index alone, without loading entities.
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
    static List<RelatedQuestion> run(
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
                    .select(f -> projection(f, title))
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

    private static ProjectionFinalStep<RelatedQuestion> projection(SearchProjectionFactory<?, ?> f, String title) {
        return f.composite()
                .from(
                        f.field(POST_NUMBER, Long.class),
                        f.field(title, String.class),
                        f.field(POST_SCORE, Integer.class),
                        f.field(POST_ANSWERS, Integer.class),
                        f.field(POST_ACCEPTED, Boolean.class),
                        f.field(POST_CLOSED, Boolean.class))
                .asList(v -> new RelatedQuestion(
                        (Long) v.get(0),
                        v.get(1) == null ? "" : (String) v.get(1),
                        v.get(2) == null ? 0 : (Integer) v.get(2),
                        v.get(3) == null ? 0 : (Integer) v.get(3),
                        Boolean.TRUE.equals(v.get(4)),
                        Boolean.TRUE.equals(v.get(5))));
    }
}
