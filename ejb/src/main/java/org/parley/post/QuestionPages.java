package org.parley.post;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.cache.CacheKey;
import org.parley.cache.Region;
import org.parley.cache.SharedCache;
import org.parley.common.Actor;

/**
 * Question pages through the shared tier: the page's data as anyone sees it is loaded once per change and shared by
 * every server ({@link Region#QUESTION}); a logged-in viewer's own votes are read fresh and laid over it.
 */
@Stateless
public class QuestionPages {

    @EJB
    private QuestionService questions;

    @Inject
    private SharedCache cache;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /**
     * As {@link QuestionService#view}, from the cache: {@code myVote} fields are filled for {@code actor} (null =
     * anonymous).
     *
     * @throws org.parley.rules.NotFoundException when the site has no question with that number (nothing is cached)
     */
    public QuestionDetail view(long siteId, long number, Actor actor) {
        QuestionDetail shared = cache.get(
                CacheKey.question(siteId, number), QuestionDetail.class, () -> questions.view(siteId, number, null));
        if (actor == null || actor.siteId() != siteId) {
            return shared;
        }
        return withVotes(shared, myVotes(siteId, actor, shared));
    }

    private Map<Long, VoteType> myVotes(long siteId, Actor actor, QuestionDetail detail) {
        List<Long> numbers = new ArrayList<>();
        numbers.add(detail.number());
        detail.answers().forEach(a -> numbers.add(a.number()));
        Map<Long, VoteType> votes = new HashMap<>();
        em.createQuery(
                        "select v.post.number, v.type from Vote v where v.voter.id = :voter and v.post.site.id = :site"
                                + " and v.post.number in :numbers",
                        Object[].class)
                .setParameter("voter", actor.userId())
                .setParameter("site", siteId)
                .setParameter("numbers", numbers)
                .getResultStream()
                .forEach(row -> votes.put((Long) row[0], (VoteType) row[1]));
        return votes;
    }

    private static QuestionDetail withVotes(QuestionDetail d, Map<Long, VoteType> votes) {
        if (votes.isEmpty()) {
            return d;
        }
        List<AnswerView> answers = d.answers().stream()
                .map(a -> new AnswerView(
                        a.number(),
                        a.bodyHtml(),
                        a.score(),
                        a.accepted(),
                        a.createdAt(),
                        a.lastEditedAt(),
                        a.owner(),
                        a.comments(),
                        votes.get(a.number()),
                        a.lockedAt()))
                .toList();
        return new QuestionDetail(
                d.number(),
                d.title(),
                d.slug(),
                d.tags(),
                d.bodyHtml(),
                d.bodyMarkdown(),
                d.score(),
                d.viewCount(),
                d.createdAt(),
                d.lastActivityAt(),
                d.lastEditedAt(),
                d.closedAt(),
                d.owner(),
                d.acceptedAnswerNumber(),
                d.comments(),
                answers,
                votes.get(d.number()),
                d.lockedAt());
    }
}
