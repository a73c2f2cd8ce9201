package org.parley.award;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.parley.badge.Badge;
import org.parley.badge.BadgeAwarded;
import org.parley.badge.BadgeService;
import org.parley.post.VoteType;
import org.parley.review.ReviewAction;
import org.parley.user.User;
import org.parley.user.Visits;

/**
 * Awards badges: one check reads a user's figures, applies {@link BadgeRules} and awards what they earn and do not hold
 * yet (imported badges of the same name and class count as held), each with a {@link BadgeAwarded} event whose
 * notification is written in the same transaction. A check is idempotent: run twice, or by two servers at once, it
 * awards each badge once. The user's row is write-locked first, so checks of one user run one after another and the
 * second sees the first's badges; the unique {@code award_key} is the safety net should anything slip past that (the
 * transaction then fails and Artemis redelivers the check, which finds the badge held).
 */
@Stateless
public class BadgeAwardService {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private Visits visits;

    @Inject
    private Event<BadgeAwarded> awarded;

    @Inject
    private BadgeJobs jobs;

    /**
     * Checks user {@code userNumber} of site {@code siteId} as of now and awards what they earned.
     *
     * @return the badges awarded by this call; empty for an unknown or deleted user, or when everything earned is held
     */
    public List<BadgeRules.Earned> check(long siteId, long userNumber) {
        return check(siteId, userNumber, Instant.now());
    }

    /** {@link #check(long, long)} as of {@code now} (the nightly run and tests). */
    public List<BadgeRules.Earned> check(long siteId, long userNumber, Instant now) {
        User user = em.createQuery("select u from User u where u.site.id = :site and u.number = :number", User.class)
                .setParameter("site", siteId)
                .setParameter("number", userNumber)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (user == null || user.isDeleted()) {
            return List.of();
        }
        Set<String> held = new HashSet<>();
        for (Object[] row : em.createNamedQuery("Badge.heldByUser", Object[].class)
                .setParameter("site", siteId)
                .setParameter("user", userNumber)
                .getResultList()) {
            held.add(Badge.awardKey(userNumber, (String) row[0], ((Number) row[1]).intValue()));
        }
        List<BadgeRules.Earned> awards = new ArrayList<>();
        for (BadgeRules.Earned e : BadgeRules.earned(stats(user, now))) {
            if (held.add(Badge.awardKey(userNumber, e.name(), e.badgeClass()))) {
                em.persist(new Badge(siteId, userNumber, e.name(), e.badgeClass(), e.tagBased(), now));
                awards.add(e);
            }
        }
        if (!awards.isEmpty()) {
            em.flush(); // a key taken meanwhile fails this check now, before any notification goes out
            for (BadgeRules.Earned e : awards) {
                awarded.fire(new BadgeAwarded(
                        siteId,
                        user.getId(),
                        e.name(),
                        e.badgeClass(),
                        e.tagBased(),
                        BadgeService.link(e.name(), e.badgeClass(), e.tagBased())));
            }
        }
        return awards;
    }

    /**
     * Queues, in one transaction, a check of each of site {@code siteId}'s {@link #timeBasedCandidates}.
     *
     * @return how many checks were queued
     */
    public int queueTimeBased(long siteId, Instant now) {
        List<Long> users = timeBasedCandidates(siteId, now);
        users.forEach(n -> jobs.enqueue(siteId, n));
        return users.size();
    }

    /**
     * The users of site {@code siteId} whom time alone may have earned a badge as of {@code now}: members for a year
     * with the reputation for Yearling, and askers of questions that turned into tumbleweeds, who do not hold the badge
     * yet. The nightly timer queues a check for each.
     */
    public List<Long> timeBasedCandidates(long siteId, Instant now) {
        Set<Long> users = new java.util.LinkedHashSet<>();
        users.addAll(em.createQuery(
                        "select u.number from User u where u.site.id = :site and u.deleted = false"
                                + " and u.createdAt <= :yearAgo and u.reputation >= :rep and not exists ("
                                + "select b from Badge b where b.siteId = :site and b.userNumber = u.number"
                                + " and b.name = 'Yearling' and b.badgeClass = 2)",
                        Long.class)
                .setParameter("site", siteId)
                .setParameter("yearAgo", now.minus(Duration.ofDays(BadgeRules.YEARLING_DAYS)))
                .setParameter("rep", BadgeRules.YEARLING_REPUTATION)
                .getResultList());
        users.addAll(em.createQuery(
                        "select distinct o.number from Question q join q.owner o where q.site.id = :site"
                                + " and q.deletedAt is null and q.score = 0 and q.answerCount = 0 and q.commentCount = 0"
                                + " and q.viewCount < :views and q.createdAt <= :weekAgo and q.createdAt > :since"
                                + " and not exists (select b from Badge b where b.siteId = :site"
                                + " and b.userNumber = o.number and b.name = 'Tumbleweed' and b.badgeClass = 3)",
                        Long.class)
                .setParameter("site", siteId)
                .setParameter("views", BadgeRules.TUMBLEWEED_VIEWS)
                .setParameter("weekAgo", now.minus(Duration.ofDays(BadgeRules.TUMBLEWEED_DAYS)))
                // a week and a day back: the questions that became tumbleweeds since the last nightly run (and the
                // day before, should a run have been missed)
                .setParameter("since", now.minus(Duration.ofDays(BadgeRules.TUMBLEWEED_DAYS + 2)))
                .getResultList());
        return new ArrayList<>(users);
    }

    /** The figures of {@code user} the rules read, as of {@code now}. */
    BadgeStats stats(User user, Instant now) {
        long u = user.getId();
        Object[] questions = em.createQuery(
                        "select max(q.score), max(q.viewCount) from Question q"
                                + " where q.owner.id = :u and q.deletedAt is null",
                        Object[].class)
                .setParameter("u", u)
                .getSingleResult();
        int maxAnswerScore = maxInt(
                "select max(a.score) from Answer a join a.question q"
                        + " where a.owner.id = :u and a.deletedAt is null and q.deletedAt is null",
                u);
        long edits = count(
                "select count(r) from PostRevision r where r.siteId = :site and r.userNumber = :n"
                        + " and r.historyTypeId in (4, 5, 6)",
                user);
        long up = 0;
        long down = 0;
        for (Object[] row : em.createQuery(
                        "select v.type, count(v) from Vote v where v.voter.id = :u group by v.type", Object[].class)
                .setParameter("u", u)
                .getResultList()) {
            if (row[0] == VoteType.UP) {
                up = ((Number) row[1]).longValue();
            } else if (row[0] == VoteType.DOWN) {
                down = ((Number) row[1]).longValue();
            }
        }
        long comments = count("select count(c) from Comment c where c.owner.id = :u", u);
        long accepted = count(
                "select count(q) from Question q where q.owner.id = :u and q.acceptedAnswer is not null"
                        + " and q.deletedAt is null",
                u);
        int firstAccepted = maxInt(
                "select max(a.score) from Question q join q.acceptedAnswer a where a.owner.id = :u"
                        + " and a.deletedAt is null and q.deletedAt is null and not exists ("
                        + "select b from Answer b where b.question = q and b.createdAt < a.createdAt)",
                u);
        int bestAccepted = maxInt(
                "select max(a.score) from Question q join q.acceptedAnswer a where a.owner.id = :u"
                        + " and a.deletedAt is null and q.deletedAt is null",
                u);
        int selfAnswer = maxInt(
                "select max(a.score) from Answer a join a.question q where a.owner.id = :u and q.owner.id = :u"
                        + " and a.deletedAt is null and q.deletedAt is null",
                u);
        int late = Integer.MIN_VALUE;
        for (Object[] row : em.createQuery(
                        "select a.score, a.createdAt, q.createdAt from Answer a join a.question q"
                                + " where a.owner.id = :u and a.score >= :score and a.deletedAt is null"
                                + " and q.deletedAt is null",
                        Object[].class)
                .setParameter("u", u)
                .setParameter("score", BadgeRules.NECROMANCER_SCORE)
                .getResultList()) {
            Instant answered = (Instant) row[1];
            Instant asked = (Instant) row[2];
            if (answered.isAfter(asked.plus(Duration.ofDays(BadgeRules.NECROMANCER_DAYS)))) {
                late = Math.max(late, ((Number) row[0]).intValue());
            }
        }
        long tumbleweeds = em.createQuery(
                        "select count(q) from Question q where q.owner.id = :u and q.deletedAt is null"
                                + " and q.score = 0 and q.answerCount = 0 and q.commentCount = 0"
                                + " and q.viewCount < :views and q.createdAt <= :weekAgo",
                        Long.class)
                .setParameter("u", u)
                .setParameter("views", BadgeRules.TUMBLEWEED_VIEWS)
                .setParameter("weekAgo", now.minus(Duration.ofDays(BadgeRules.TUMBLEWEED_DAYS)))
                .getSingleResult();
        long reviews = em.createQuery(
                        "select count(r) from Review r where r.reviewer.id = :u and r.action <> :skip", Long.class)
                .setParameter("u", u)
                .setParameter("skip", ReviewAction.SKIP)
                .getSingleResult();
        List<BadgeStats.TagAnswers> tags = em.createQuery(
                        "select t.name, sum(a.score), count(a) from Answer a join a.question q join q.tags t"
                                + " where a.owner.id = :u and a.deletedAt is null and q.deletedAt is null"
                                + " group by t.name having count(a) >= :least",
                        Object[].class)
                .setParameter("u", u)
                .setParameter("least", (long) org.parley.badge.TagBadge.BRONZE.answers())
                .getResultStream()
                .map(r -> new BadgeStats.TagAnswers(
                        (String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
        return new BadgeStats(
                questions[0] == null ? Integer.MIN_VALUE : ((Number) questions[0]).intValue(),
                maxAnswerScore,
                questions[1] == null ? 0 : ((Number) questions[1]).longValue(),
                edits,
                up,
                down,
                comments,
                user.getAboutMe() != null && !user.getAboutMe().isBlank(),
                accepted,
                firstAccepted,
                bestAccepted,
                selfAnswer,
                late,
                tumbleweeds,
                reviews,
                Duration.between(user.getCreatedAt(), now).toDays(),
                user.getReputation(),
                visits.consecutiveDays(u, BadgeRules.FANATIC_DAYS),
                tags);
    }

    private int maxInt(String jpql, long userId) {
        Number n = em.createQuery(jpql, Number.class).setParameter("u", userId).getSingleResult();
        return n == null ? Integer.MIN_VALUE : n.intValue();
    }

    private long count(String jpql, long userId) {
        return em.createQuery(jpql, Long.class).setParameter("u", userId).getSingleResult();
    }

    private long count(String jpql, User user) {
        return em.createQuery(jpql, Long.class)
                .setParameter("site", user.getSite().getId())
                .setParameter("n", user.getNumber())
                .getSingleResult();
    }
}
