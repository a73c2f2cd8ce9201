package org.parley.post;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.cache.CacheKey;
import org.parley.cache.Region;
import org.parley.cache.SharedCache;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.rules.NotFoundException;
import org.parley.site.Privilege;
import org.parley.site.Site;
import org.parley.user.UserRef;

/**
 * Question pages through the shared tier: the page's data as anyone sees it is loaded once per change and shared by
 * every server ({@link Region#QUESTION}); a logged-in viewer's own votes are read fresh and laid over it.
 *
 * <p>A page view reads without a transaction of its own ({@code SUPPORTS}): beginning and ending one for each of a
 * page's service calls cost about a tenth of a logged-in page's CPU. Outside a transaction WildFly gives each query
 * an entity manager that closes once the query has run, so queries here read lists, never streams (a stream would be
 * read after its connection was closed); the loader of the shared data is a call of its own, in a transaction.
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
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads only, and lists, not streams: see the class
    public QuestionDetail view(long siteId, long number, Actor actor) {
        QuestionDetail shared = cache.get(
                CacheKey.question(siteId, number), QuestionDetail.class, () -> questions.view(siteId, number, null));
        Actor viewer = actor == null || actor.siteId() != siteId ? null : actor;
        QuestionDetail seen = withoutDeleted(siteId, shared, viewer);
        if (viewer == null) {
            return seen;
        }
        return withVotes(seen, myVotes(siteId, viewer, seen));
    }

    /**
     * The page as {@code viewer} may see it: a deleted question only for its author and those who see deleted posts
     * (moderators, and users with {@link Privilege#MODERATOR_TOOLS}), deleted answers likewise.
     *
     * @throws NotFoundException when the question is deleted and the viewer may not see it
     */
    private QuestionDetail withoutDeleted(long siteId, QuestionDetail d, Actor viewer) {
        boolean anyDeleted = d.deleted() || d.answers().stream().anyMatch(AnswerView::deleted);
        if (!anyDeleted) {
            return d;
        }
        Object[] user = viewer == null
                ? null
                : em
                        .createQuery("select u.number, u.reputation from User u where u.id = :id", Object[].class)
                        .setParameter("id", viewer.userId())
                        .getResultList()
                        .stream()
                        .findFirst()
                        .orElse(null);
        Long viewerNumber = user == null ? null : (Long) user[0];
        boolean seesAll = user != null && seesDeleted(siteId, viewer.role(), ((Number) user[1]).intValue());
        if (d.deleted() && !seesAll && !isBy(d.owner(), viewerNumber)) {
            throw new NotFoundException("This question was deleted.");
        }
        if (seesAll) {
            return d;
        }
        List<AnswerView> answers = d.answers().stream()
                .filter(a -> !a.deleted() || isBy(a.owner(), viewerNumber))
                .toList();
        return d.with(answers, d.myVote());
    }

    /** Whether {@code viewer} sees every deleted post of the site: moderators and holders of moderator tools. */
    private boolean seesDeleted(long siteId, Role role, int reputation) {
        Site site = em.find(Site.class, siteId);
        return site != null && site.privileges().has(Privilege.MODERATOR_TOOLS, reputation, role);
    }

    private static boolean isBy(UserRef owner, Long viewerNumber) {
        return viewerNumber != null && owner != null && viewerNumber.equals(owner.number());
    }

    /**
     * The viewer's votes on the question and its answers. Two queries by the question's number rather than one with
     * the page's post numbers as a list: Hibernate translates a query with a list parameter to SQL again on every
     * execution (a logged-in question page spent 6 % of its CPU there), while these two are translated once.
     */
    private Map<Long, VoteType> myVotes(long siteId, Actor actor, QuestionDetail detail) {
        Map<Long, VoteType> votes = new HashMap<>();
        em.createNamedQuery("Vote.mineOnQuestion", VoteType.class)
                .setParameter("voter", actor.userId())
                .setParameter("site", siteId)
                .setParameter("n", detail.number())
                .getResultList()
                .forEach(type -> votes.put(detail.number(), type));
        if (!detail.answers().isEmpty()) {
            em.createNamedQuery("Vote.mineOnAnswers", Object[].class)
                    .setParameter("voter", actor.userId())
                    .setParameter("site", siteId)
                    .setParameter("n", detail.number())
                    .getResultList()
                    .forEach(row -> votes.put((Long) row[0], (VoteType) row[1]));
        }
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
                        a.lockedAt(),
                        a.deletedAt()))
                .toList();
        return d.with(answers, votes.get(d.number()));
    }
}
