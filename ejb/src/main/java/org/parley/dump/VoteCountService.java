package org.parley.dump;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import org.parley.post.VoteType;

/**
 * The up and down votes of each post on a question page, for users with the "See vote counts" privilege: the votes
 * cast here ({@code vote}) and, for imported posts, the dump's (Votes.xml rows of type 2 and 3, kept in {@code
 * dump_vote}). Lives with the dump because it reads what the import kept.
 */
@Stateless
public class VoteCountService {

    /** The dumps' VoteTypeId of an up vote and of a down vote. */
    static final int DUMP_UP = 2;

    static final int DUMP_DOWN = 3;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /** Per post number of the question and its answers that has any votes; the others are missing. */
    public Map<Long, VoteCounts> forQuestion(long siteId, long questionNumber) {
        Map<Long, VoteCounts> counts = new HashMap<>();
        em.createQuery(
                        "select p.number, v.type, count(v) from Vote v join v.post p where p.site.id = :site"
                                + " and (p.number = :q or p.id in (select a.id from Answer a where a.site.id = :site"
                                + " and a.question.number = :q)) group by p.number, v.type",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("q", questionNumber)
                .getResultStream()
                .forEach(r -> counts.merge(
                        (Long) r[0],
                        r[1] == VoteType.UP ? new VoteCounts((Long) r[2], 0) : new VoteCounts(0, (Long) r[2]),
                        (a, b) -> a.plus(b.up(), b.down())));
        em.createQuery(
                        "select d.postNumber, d.voteTypeId, count(d) from DumpVote d where d.siteId = :site"
                                + " and d.voteTypeId in (2, 3) and (d.postNumber = :q or d.postNumber in"
                                + " (select a.number from Answer a where a.site.id = :site and a.question.number = :q))"
                                + " group by d.postNumber, d.voteTypeId",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("q", questionNumber)
                .getResultStream()
                .forEach(r -> counts.merge(
                        (Long) r[0],
                        ((Number) r[1]).intValue() == DUMP_UP
                                ? new VoteCounts((Long) r[2], 0)
                                : new VoteCounts(0, (Long) r[2]),
                        (a, b) -> a.plus(b.up(), b.down())));
        return counts;
    }
}
