package org.parley.search;

import static org.parley.analysis.SearchNames.POST_TAGS;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.parley.cache.CacheKey;
import org.parley.cache.Region;
import org.parley.cache.Scope;
import org.parley.cache.SharedCache;
import org.parley.post.PostRepository;
import org.parley.post.Question;
import org.parley.post.QuestionSummaries;

/**
 * A question's related questions, the question page's sidebar: the ten questions of the same site most like it by
 * text and tags (more-like-this built from the portable predicate DSL, see {@link RelatedQuestionsQuery}). Closed
 * questions may be among them, as lists show them; the question itself never is.
 *
 * <p>The list is cached in the shared tier per question ({@link Region#RELATED}) under the question's scope, so any
 * committed change to the question (an edit of its title, body or tags; an answer; on this server or another, see
 * {@code CacheInvalidation}) makes the next page compute it afresh. What it cannot follow (another question's new
 * score or title) shows within the region's lifetime. The question's words are read from the database, not from its
 * document, so an edit counts even before the index has it.
 */
@Stateless
public class RelatedQuestions {

    /** How many related questions a question gets. */
    public static final int RELATED = 10;

    /** How many of the question's words the query matches. */
    static final int WORDS = 25;

    /**
     * The share (percent) of the picked words a body must hold to count on its words, as OpenSearch's more-like-this
     * asks by default: a body sharing one common word with the question says little, and letting every such body in
     * made the engine score far more of the common words' long posting lists (at 3 M posts, 61 ms at p50 before, 37-50
     * ms after).
     */
    static final int BODY_MINIMUM_MATCH = 30;

    /** How many of its tags count (a question has at most five). */
    static final int TAGS = 5;

    /** How much more a shared tag counts than a shared word. */
    static final float TAG_BOOST = 2f;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private QuestionSummaries summaries;

    @Inject
    private PostRepository posts;

    @Inject
    private SharedCache cache;

    /**
     * The question's related questions, best first, at most {@value #RELATED}: from the shared tier, computed on a miss.
     *
     * @throws org.parley.rules.NotFoundException when the site has no question with that number (nothing is cached)
     */
    public List<RelatedQuestion> related(long siteId, long number) {
        return cache.get(
                        key(siteId, number),
                        RelatedQuestionList.class,
                        () -> new RelatedQuestionList(compute(siteId, number)))
                .questions();
    }

    /**
     * As {@link #related}, computed now without the cache: one index query (for the benchmark and for tests).
     *
     * @throws org.parley.rules.NotFoundException when the site has no question with that number
     */
    public List<RelatedQuestion> compute(long siteId, long number) {
        Question question = posts.findQuestion(siteId, number);
        List<String> words = RelatedQuestionsTerms.pick(
                question.getTitle(), PostText.of(question.getBodyHtml()).text(), WORDS);
        List<String> tags = question.tagList().stream().limit(TAGS).toList();
        if (words.isEmpty() && tags.isEmpty()) {
            return List.of();
        }
        List<RelatedQuestionsQuery.Hit> hits = RelatedQuestionsQuery.run(
                em,
                siteId,
                question.getSite().getLanguage(),
                String.join(" ", words),
                0,
                BODY_MINIMUM_MATCH,
                (f, should, title) -> tags.forEach(tag ->
                        should.should(f.match().field(POST_TAGS).matching(tag).boost(TAG_BOOST))),
                number,
                RELATED);
        return RelatedQuestionsQuery.rows(summaries, siteId, hits);
    }

    /** The shared-tier key of a question's related list: dropped with the question's scope. */
    static CacheKey key(long siteId, long number) {
        return CacheKey.of(Region.RELATED, siteId, "related/" + number, Scope.question(siteId, number));
    }
}
