package org.parley.people;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.Hibernate;
import org.parley.common.Actor;
import org.parley.common.Page;
import org.parley.common.Paging;
import org.parley.post.Answer;
import org.parley.post.Post;
import org.parley.post.Question;
import org.parley.post.Reputation;
import org.parley.post.Vote;
import org.parley.post.VoteType;
import org.parley.rules.NotAllowedException;

/**
 * A profile's tabs beyond its questions and answers: the score per tag, the reputation history and (for the user
 * themselves only) the votes they cast. Everything is derived from rows that exist: posts and their scores, Parley's
 * own votes, and the votes a dump brought ({@code DumpVote}: up, down and accept, dated by day).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ProfileTabs {

    public static final int MAX_TAGS = 60;
    public static final int VOTES_PAGE_SIZE = 30;

    /** Stack Exchange's vote type ids in a dump's Votes file. */
    private static final int DUMP_ACCEPT = 1;

    private static final int DUMP_UP = 2;
    private static final int DUMP_DOWN = 3;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /** One tag of a user's: the summed score of their live posts in it and how many there are. */
    public record TagScore(String name, long score, long posts) implements Serializable {}

    /** One day of the reputation history: the change that day and the running total after it. */
    public record ReputationDay(LocalDate day, long change, long total) implements Serializable {}

    /** A vote the user cast, for their own eyes. */
    public record VoteCast(
            long questionNumber,
            String questionSlug,
            String title,
            boolean onAnswer,
            long postNumber,
            VoteType type,
            Instant at)
            implements Serializable {}

    /** The user's tags by the summed score of their answers and questions in them, best first, at most {@value #MAX_TAGS}. */
    public List<TagScore> tagScores(long siteId, long userNumber) {
        Map<String, long[]> sums = new HashMap<>();
        for (String jpql : List.of(
                "select t.name, sum(a.score), count(a) from Answer a join a.question q join q.tags t join a.owner o"
                        + " where o.site.id = :site and o.number = :n and a.deletedAt is null and q.deletedAt is null"
                        + " group by t.name",
                "select t.name, sum(q.score), count(q) from Question q join q.tags t join q.owner o"
                        + " where o.site.id = :site and o.number = :n and q.deletedAt is null group by t.name")) {
            for (Object[] row : em.createQuery(jpql, Object[].class)
                    .setParameter("site", siteId)
                    .setParameter("n", userNumber)
                    .getResultList()) {
                long[] s = sums.computeIfAbsent((String) row[0], k -> new long[2]);
                s[0] += ((Number) row[1]).longValue();
                s[1] += ((Number) row[2]).longValue();
            }
        }
        return sums.entrySet().stream()
                .map(e -> new TagScore(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted((x, y) -> x.score() != y.score()
                        ? Long.compare(y.score(), x.score())
                        : x.posts() != y.posts()
                                ? Long.compare(y.posts(), x.posts())
                                : x.name().compareTo(y.name()))
                .limit(MAX_TAGS)
                .toList();
    }

    /** What changed a user's reputation, and by how much. */
    public enum ReputationKind {
        UPVOTE(Reputation.UPVOTE),
        DOWNVOTE(Reputation.DOWNVOTED),
        ACCEPT(Reputation.ACCEPTED);

        private final int change;

        ReputationKind(int change) {
            this.change = change;
        }

        public int change() {
            return change;
        }
    }

    /** One change of a user's reputation: a vote on one of their live posts, or an imported accept of an answer. */
    public record ReputationEvent(long userNumber, long postId, ReputationKind kind, Instant at)
            implements Serializable {}

    /**
     * The user's reputation from votes, by day (UTC): the sum of {@link #reputationEvents} each day and the running
     * total after it. Bounties, edits and the like are not in it, so the last total may differ from the reputation
     * shown, which the dump or the site counted whole.
     */
    public List<ReputationDay> reputationHistory(long siteId, long userNumber) {
        TreeMap<LocalDate, Long> byDay = new TreeMap<>();
        for (ReputationEvent e : reputationEvents(siteId, List.of(userNumber))) {
            byDay.merge(day(e.at()), (long) e.kind().change(), Long::sum);
        }
        List<ReputationDay> out = new ArrayList<>(byDay.size());
        long total = 1; // every account starts at 1
        for (Map.Entry<LocalDate, Long> e : byDay.entrySet()) {
            total = Math.max(1, total + e.getValue());
            out.add(new ReputationDay(e.getKey(), e.getValue(), total));
        }
        return out;
    }

    /**
     * What changed the reputation of users {@code userNumbers}, unordered: +{@value Reputation#UPVOTE} per upvote on
     * their live posts, {@value Reputation#DOWNVOTED} per downvote, +{@value Reputation#ACCEPTED} per accepted answer
     * (imported accepts; Parley's own accepts keep no date), from Parley's votes and a dump's (dated by day).
     */
    public List<ReputationEvent> reputationEvents(long siteId, Collection<Long> userNumbers) {
        List<ReputationEvent> out = new ArrayList<>();
        if (userNumbers.isEmpty()) {
            return out;
        }
        for (Object[] row : em.createQuery(
                        "select o.number, p.id, v.type, v.createdAt from Vote v join v.post p join p.owner o"
                                + " where o.site.id = :site and o.number in :n and p.deletedAt is null",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("n", userNumbers)
                .getResultList()) {
            ReputationKind kind = row[2] == VoteType.UP ? ReputationKind.UPVOTE : ReputationKind.DOWNVOTE;
            out.add(new ReputationEvent((Long) row[0], (Long) row[1], kind, (Instant) row[3]));
        }
        for (Object[] row : em.createQuery(
                        "select o.number, p.id, d.voteTypeId, d.createdAt from DumpVote d, Post p join p.owner o"
                                + " where o.site.id = :site and o.number in :n and p.site.id = :site"
                                + " and d.siteId = :site and d.postNumber = p.number and d.voteTypeId in :types"
                                + " and d.createdAt is not null and p.deletedAt is null",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("n", userNumbers)
                .setParameter("types", List.of(DUMP_ACCEPT, DUMP_UP, DUMP_DOWN))
                .getResultList()) {
            int type = ((Number) row[2]).intValue();
            ReputationKind kind = type == DUMP_UP
                    ? ReputationKind.UPVOTE
                    : type == DUMP_DOWN ? ReputationKind.DOWNVOTE : ReputationKind.ACCEPT;
            out.add(new ReputationEvent((Long) row[0], (Long) row[1], kind, (Instant) row[3]));
        }
        return out;
    }

    /**
     * The votes the actor cast, newest first, {@value #VOTES_PAGE_SIZE} a page.
     *
     * @throws NotAllowedException unless the actor is the user {@code userNumber} of the site: votes are private
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED) // reads each answer's question
    public Page<VoteCast> votesCast(Actor actor, long userNumber, int page) {
        Long own = actor == null
                ? null
                : em
                        .createQuery("select u.number from User u where u.id = :id and u.site.id = :site", Long.class)
                        .setParameter("id", actor.userId())
                        .setParameter("site", actor.siteId())
                        .getResultList()
                        .stream()
                        .findFirst()
                        .orElse(null);
        if (own == null || own != userNumber) {
            throw new NotAllowedException("Only you see the votes you cast.");
        }
        int p = Paging.page(page);
        List<Vote> rows = em.createQuery(
                        "select v from Vote v join fetch v.post where v.voter.id = :voter"
                                + " order by v.createdAt desc, v.id desc",
                        Vote.class)
                .setParameter("voter", actor.userId())
                .setFirstResult(Page.firstResult(p, VOTES_PAGE_SIZE))
                .setMaxResults(VOTES_PAGE_SIZE)
                .getResultList();
        long total = em.createQuery("select count(v) from Vote v where v.voter.id = :voter", Long.class)
                .setParameter("voter", actor.userId())
                .getSingleResult();
        List<VoteCast> items = new ArrayList<>(rows.size());
        for (Vote v : rows) {
            Object post = Hibernate.unproxy(v.getPost());
            Question q = post instanceof Answer a ? a.getQuestion() : (Question) post;
            items.add(new VoteCast(
                    q.getNumber(),
                    q.slug(),
                    q.getTitle(),
                    post instanceof Answer,
                    ((Post) post).getNumber(),
                    v.getType(),
                    v.getCreatedAt()));
        }
        return new Page<>(items, p, VOTES_PAGE_SIZE, total);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
