package org.parley.review;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import org.parley.common.Actor;
import org.parley.diff.DiffSegment;
import org.parley.diff.TextDiff;
import org.parley.image.ImageProxy;
import org.parley.moderation.CloseReason;
import org.parley.moderation.ModerationService;
import org.parley.moderation.VoteKind;
import org.parley.post.Answer;
import org.parley.post.Post;
import org.parley.post.PostRepository;
import org.parley.post.PostWritten;
import org.parley.post.Question;
import org.parley.post.QuestionService;
import org.parley.rules.ConflictException;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.rules.RateLimitedException;
import org.parley.site.PrivilegeLadder;
import org.parley.user.User;
import org.parley.user.UserRepository;

/**
 * The review queues: what waits in each, the next task for a reviewer, a review and what it decides, and the
 * suggested edits the suggested-edits queue reviews. Tasks are created in the transactions of what causes them
 * (observers below), so a task never points at something that did not happen.
 */
@Stateless
public class ReviewService {

    /** What an approved suggested edit earns its proposer, as on Stack Overflow. */
    public static final int APPROVED_EDIT_REPUTATION = 2;

    /** About one task in this many, in a queue with audits, is an audit instead (when one can be found). */
    public static final int AUDIT_ODDS = 8;

    /** A live post scored at least this is known to be good. */
    public static final int AUDIT_GOOD_SCORE = 5;

    /** A post scored at most this (or deleted by the community) is known to be bad. */
    public static final int AUDIT_BAD_SCORE = -3;

    /** Failed audits within {@link #AUDIT_WINDOW} that ban a reviewer from reviewing. */
    public static final int FAILED_AUDITS_FOR_BAN = 3;

    public static final Duration AUDIT_WINDOW = Duration.ofDays(7);

    /** How long a review ban lasts, from the failed audit that brought it. */
    public static final Duration REVIEW_BAN = Duration.ofDays(7);

    /** Rolls the dice for audits: a number from 0 to n - 1. Package-private so that tests can load them. */
    IntUnaryOperator dice = n -> ThreadLocalRandom.current().nextInt(n);

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private Event<TaskReviewed> reviewed;

    @Inject
    private PostRepository posts;

    @Inject
    private UserRepository users;

    @Inject
    private QuestionService questions;

    @Inject
    private ModerationService moderation;

    @Inject
    private ImageProxy images;

    // ------------------------------------------------------------------------------------------------- reading

    /** Every queue as {@code actor} sees it: open tasks for them, whether they may review, today's reviews. */
    public List<QueueStatus> queues(Actor actor) {
        User user = users.acting(actor, "Log in to review.");
        PrivilegeLadder ladder = user.getSite().privileges();
        Map<ReviewQueue, Long> today = reviewedToday(user);
        Map<ReviewQueue, Long> open = openFor(user, allowed(user));
        List<QueueStatus> out = new ArrayList<>();
        for (ReviewQueue q : ReviewQueue.values()) {
            boolean allowed = ladder.has(q.privilege(), user.getReputation(), user.getRole());
            out.add(new QueueStatus(
                    q, open.getOrDefault(q, 0L), allowed, ladder.threshold(q.privilege()), today.getOrDefault(q, 0L)));
        }
        return out;
    }

    /**
     * The tasks {@code actor} could review now in every queue they may review; 0 for anonymous callers and reviewers
     * under a review ban.
     */
    public long waitingFor(Actor actor) {
        if (actor == null) {
            return 0;
        }
        User user = em.find(User.class, actor.userId());
        if (user == null || bannedUntil(user, Instant.now()).isPresent()) {
            return 0;
        }
        return openFor(user, allowed(user)).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** The queues {@code user} has the privilege to review. */
    private static List<ReviewQueue> allowed(User user) {
        PrivilegeLadder ladder = user.getSite().privileges();
        return java.util.Arrays.stream(ReviewQueue.values())
                .filter(q -> ladder.has(q.privilege(), user.getReputation(), user.getRole()))
                .toList();
    }

    /**
     * The next task of a queue for {@code actor}, oldest first; null when none waits for them.
     *
     * @throws NotAllowedException without the queue's privilege
     * @throws RateLimitedException after today's {@value ReviewQueue#DAILY_LIMIT} reviews in it (until midnight UTC)
     */
    public ReviewItem next(Actor actor, ReviewQueue queue) {
        User user = reviewer(actor, queue);
        requireUnderLimit(user, queue);
        List<ReviewTask> pendingAudit = em.createQuery(
                        "select t from ReviewTask t where t.auditFor = :me and t.queue = :queue"
                                + " and t.completedAt is null order by t.id",
                        ReviewTask.class)
                .setParameter("me", user)
                .setParameter("queue", queue)
                .setMaxResults(1)
                .getResultList();
        if (!pendingAudit.isEmpty()) {
            return item(pendingAudit.get(0), user); // the same test again, on a reload
        }
        List<ReviewTask> found = em.createQuery(
                        "select t" + FROM_TASKS + " where t.siteId = :site and t.queue = :queue"
                                + " and t.completedAt is null and t.audit is null" + AVAILABLE
                                + " order by t.createdAt, t.id",
                        ReviewTask.class)
                .setParameter("site", user.getSite().getId())
                .setParameter("queue", queue)
                .setParameter("me", user)
                .setMaxResults(1)
                .getResultList();
        if (found.isEmpty()) {
            return null;
        }
        ReviewTask audit =
                queue.audited() && !user.isModerator() && dice.applyAsInt(AUDIT_ODDS) == 0 ? audit(user, queue) : null;
        return item(audit != null ? audit : found.get(0), user);
    }

    /**
     * Whether {@code actor} is banned from reviewing (after {@value #FAILED_AUDITS_FOR_BAN} failed audits in {@link
     * #AUDIT_WINDOW}), and until when; empty when they may review.
     */
    public Optional<Instant> reviewBan(Actor actor) {
        User user = users.acting(actor, "Log in to review.");
        return bannedUntil(user, Instant.now());
    }

    /**
     * A task of the actor's site as a reviewer of its queue sees it (its outcome once decided).
     *
     * @throws NotFoundException when the site has no such task
     * @throws NotAllowedException without the queue's privilege
     */
    public ReviewItem task(Actor actor, long taskId) {
        ReviewTask task = find(actor, taskId, LockModeType.NONE);
        User user = reviewer(actor, task.getQueue());
        requireOwnAudit(task, user);
        return item(task, user);
    }

    // ------------------------------------------------------------------------------------------------ reviewing

    /**
     * Reviews a task: records the action (Skip only keeps it from coming back), carries out what it means (a close or
     * reopen vote is cast as the reviewer's own), and decides the task when enough reviews agree (a moderator's review
     * of a suggested edit or a low-quality post decides at once).
     *
     * @param reason for {@link ReviewAction#CLOSE}: why; {@code duplicateOf} the original for a duplicate
     * @return the task as it is after the review
     * @throws NotAllowedException without the privilege, on one's own post or suggestion, or after today's limit
     * @throws NotFoundException when the site has no such task
     * @throws ConflictException when the task is decided already or the user reviewed it already
     * @throws InvalidInputException for an action the queue does not take (field {@code action}), or what a close
     *     vote refuses
     */
    public ReviewItem review(Actor actor, long taskId, ReviewAction action, CloseReason reason, String duplicateOf) {
        return review(actor, taskId, action, reason, duplicateOf, null);
    }

    /**
     * Reviews a task as {@link #review(Actor, long, ReviewAction, CloseReason, String)} does; a close vote for
     * {@link CloseReason#OFF_TOPIC} gives {@code offTopic}, one of the site's off-topic reasons.
     */
    public ReviewItem review(
            Actor actor, long taskId, ReviewAction action, CloseReason reason, String duplicateOf, String offTopic) {
        ReviewTask task = find(actor, taskId, LockModeType.PESSIMISTIC_WRITE);
        User user = reviewer(actor, task.getQueue());
        ReviewQueue queue = task.getQueue();
        if (action == null || (action != ReviewAction.SKIP && !queue.actions().contains(action))) {
            throw new InvalidInputException(
                    "action",
                    "Choose one of: "
                            + queue.actions().stream().map(ReviewAction::label).collect(Collectors.joining(", "))
                            + ", or Skip.");
        }
        requireOwnAudit(task, user);
        if (task.isCompleted()) {
            throw new ConflictException("This task was completed already: " + task.getOutcome() + ".");
        }
        if (isOwn(task, user)) {
            throw new NotAllowedException("You can't review your own post or suggestion.");
        }
        Long already = em.createQuery(
                        "select count(r) from Review r where r.task = :task and r.reviewer = :me", Long.class)
                .setParameter("task", task)
                .setParameter("me", user)
                .getSingleResult();
        if (already > 0) {
            throw new ConflictException("You have reviewed this task already.");
        }
        if (action != ReviewAction.SKIP) {
            requireUnderLimit(user, queue);
        }
        Instant now = Instant.now();
        if (task.getAudit() != null) {
            // A test: judged and recorded, and the post is left as it is.
            Boolean passed = task.getAudit().passedBy(queue, action);
            em.persist(new Review(task, user, action, now, passed));
            task.complete(passed == null ? "Skipped" : passed ? "Audit passed" : "Audit failed", now);
            return item(task, user);
        }
        em.persist(new Review(task, user, action, now));
        if (action == ReviewAction.SKIP) {
            return item(task);
        }
        reviewed.fire(new TaskReviewed(task.getSiteId(), user.getId(), user.getNumber(), queue));
        long siteId = task.getSiteId();
        long number = task.getPost().getNumber();
        if (action == ReviewAction.CLOSE) {
            if (moderation
                    .voteToClose(actor, number, reason, duplicateOf, offTopic, null)
                    .done()) {
                task.complete("Closed", now);
            }
            return item(task);
        }
        if (action == ReviewAction.REOPEN) {
            if (moderation.voteToReopen(actor, number).done()) {
                task.complete("Reopened", now);
            }
            return item(task);
        }
        List<Review> agreeing = em.createQuery(
                        "select r from Review r join fetch r.reviewer where r.task = :task and r.action = :action"
                                + " order by r.createdAt, r.id",
                        Review.class)
                .setParameter("task", task)
                .setParameter("action", action)
                .getResultList();
        boolean binding =
                user.isModerator() && (queue == ReviewQueue.SUGGESTED_EDITS || queue == ReviewQueue.LOW_QUALITY);
        if (!binding && agreeing.size() < queue.needed(action)) {
            return item(task);
        }
        switch (action) {
            case LOOKS_OK -> task.complete("Looks OK", now);
            case APPROVE -> {
                SuggestedEdit edit = task.getSuggestedEdit();
                String approvers = agreeing.stream()
                        .map(r -> Long.toString(r.getReviewer().getNumber()))
                        .collect(Collectors.joining(", "));
                questions.applySuggestedEdit(
                        siteId,
                        number,
                        edit.getProposer().getId(),
                        edit.content(),
                        edit.getSummary(),
                        "Proposed by " + edit.getProposer().getNumber() + " approved by " + approvers);
                User proposer = edit.getProposer();
                users.lockAll(List.of(proposer));
                proposer.changeReputation(APPROVED_EDIT_REPUTATION);
                edit.decide(SuggestedEdit.State.APPROVED, now);
                task.complete("Approved", now);
            }
            case REJECT -> {
                task.getSuggestedEdit().decide(SuggestedEdit.State.REJECTED, now);
                task.complete("Rejected", now);
            }
            case LEAVE_OPEN -> {
                moderation.settleVotes(siteId, number, VoteKind.CLOSE);
                task.complete("Left open", now);
            }
            case LEAVE_CLOSED -> {
                moderation.settleVotes(siteId, number, VoteKind.REOPEN);
                task.complete("Left closed", now);
            }
            case RECOMMEND_DELETION -> {
                moderation.deleteByReview(siteId, number);
                task.complete("Deleted", now);
            }
            default -> throw new IllegalStateException("Unhandled review action " + action);
        }
        return item(task);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** Tasks the reviewer {@code :me} may take: not their post, not their suggestion, not reviewed by them. */
    private static final String AVAILABLE = " and (o is null or o <> :me) and (s is null or s.proposer <> :me)"
            + " and not exists (select r.id from Review r where r.task = t and r.reviewer = :me)";

    /** The tasks with what {@link #AVAILABLE} reads: left joins, so that a task without a suggestion is kept. */
    private static final String FROM_TASKS =
            " from ReviewTask t join t.post p left join p.owner o left join t.suggestedEdit s";

    /**
     * The tasks {@code user} could review now in each of {@code queues}, in one query (the top bar asks on every page
     * a reviewer opens); queues without any are missing.
     */
    private Map<ReviewQueue, Long> openFor(User user, List<ReviewQueue> queues) {
        Map<ReviewQueue, Long> open = new EnumMap<>(ReviewQueue.class);
        if (queues.isEmpty()) {
            return open;
        }
        em.createQuery(
                        "select t.queue, count(t)" + FROM_TASKS + " where t.siteId = :site and t.queue in :queues"
                                + " and t.completedAt is null and t.audit is null" + AVAILABLE + " group by t.queue",
                        Object[].class)
                .setParameter("site", user.getSite().getId())
                .setParameter("queues", queues)
                .setParameter("me", user)
                .getResultStream()
                .forEach(r -> open.put((ReviewQueue) r[0], (Long) r[1]));
        return open;
    }

    private ReviewTask find(Actor actor, long taskId, LockModeType lock) {
        if (actor == null) {
            throw new NotAllowedException("Log in to review.");
        }
        ReviewTask task = em.find(ReviewTask.class, taskId, lock);
        if (task == null || task.getSiteId() != actor.siteId()) {
            throw new NotFoundException("No such review task.");
        }
        return task;
    }

    private User reviewer(Actor actor, ReviewQueue queue) {
        User user = users.acting(actor, "Log in to review.");
        user.getSite().privileges().require(queue.privilege(), user.getReputation(), user.getRole());
        Optional<Instant> ban = bannedUntil(user, Instant.now());
        if (ban.isPresent()) {
            throw new NotAllowedException("You can't review until "
                    + BAN_END.format(ban.get()) + " (UTC): you failed " + FAILED_AUDITS_FOR_BAN
                    + " review audits within " + AUDIT_WINDOW.toDays() + " days. Audits are posts known to be good or"
                    + " bad, shown now and then as tasks to check that reviews are careful.");
        }
        return user;
    }

    private static final DateTimeFormatter BAN_END = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy, HH:mm", java.util.Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /**
     * The end of {@code user}'s review ban, if one holds at {@code now}: a failed audit that makes {@value
     * #FAILED_AUDITS_FOR_BAN} within {@link #AUDIT_WINDOW} bans them for {@link #REVIEW_BAN} from then. Read from their
     * audit reviews, so nothing is stored that could fall out of step.
     */
    private Optional<Instant> bannedUntil(User user, Instant now) {
        List<Instant> failed = em.createQuery(
                        "select r.createdAt from Review r where r.reviewer = :me and r.auditPassed = false"
                                + " and r.createdAt >= :since order by r.createdAt",
                        Instant.class)
                .setParameter("me", user)
                .setParameter("since", now.minus(REVIEW_BAN).minus(AUDIT_WINDOW))
                .getResultList();
        Instant until = null;
        for (int i = FAILED_AUDITS_FOR_BAN - 1; i < failed.size(); i++) {
            Instant last = failed.get(i);
            if (!failed.get(i - FAILED_AUDITS_FOR_BAN + 1).isBefore(last.minus(AUDIT_WINDOW))) {
                until = last.plus(REVIEW_BAN);
            }
        }
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /** Someone else's audit is not there for this reviewer. */
    private static void requireOwnAudit(ReviewTask task, User user) {
        if (task.getAuditFor() != null && !task.getAuditFor().isSameAs(user)) {
            throw new NotFoundException("No such review task.");
        }
    }

    /**
     * A new audit of {@code user} in {@code queue}: a known-good or known-bad post of the site (the kind by the dice,
     * the other when there is none), not their own and not one they were tested with before; null when there is none.
     */
    private ReviewTask audit(User user, ReviewQueue queue) {
        Audit first = dice.applyAsInt(2) == 0 ? Audit.GOOD : Audit.BAD;
        for (Audit kind : List.of(first, first == Audit.GOOD ? Audit.BAD : Audit.GOOD)) {
            String known = kind == Audit.GOOD
                    ? "p.score >= :good and p.deletedAt is null and p.lockedAt is null and not exists"
                            + " (select a.id from Answer a where a.id = p.id and a.question.deletedAt is not null)"
                    : "((p.deletedAt is not null and p.deletedBy is null) or p.score <= :bad)";
            String where = " from Post p where p.site = :site and " + known
                    + " and (p.owner is null or p.owner <> :me)"
                    + " and not exists (select t.id from ReviewTask t where t.post = p and t.auditFor = :me)";
            var count = em.createQuery("select count(p)" + where, Long.class);
            var pick = em.createQuery("select p" + where + " order by p.id", Post.class);
            for (var query : List.of(count, pick)) {
                query.setParameter("site", user.getSite()).setParameter("me", user);
                query.setParameter(
                        kind == Audit.GOOD ? "good" : "bad", kind == Audit.GOOD ? AUDIT_GOOD_SCORE : AUDIT_BAD_SCORE);
            }
            long n = count.getSingleResult();
            if (n == 0) {
                continue;
            }
            Post post = pick.setFirstResult(dice.applyAsInt((int) Math.min(n, Integer.MAX_VALUE)))
                    .setMaxResults(1)
                    .getSingleResult();
            ReviewTask task = new ReviewTask(queue, post, kind, user, Instant.now());
            em.persist(task);
            return task;
        }
        return null;
    }

    private void requireUnderLimit(User user, ReviewQueue queue) {
        long today = reviewedToday(user).getOrDefault(queue, 0L);
        if (today >= ReviewQueue.DAILY_LIMIT) {
            Instant tomorrow = LocalDate.now(ZoneOffset.UTC)
                    .plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
            throw new RateLimitedException(
                    "You have done " + today + " reviews in " + queue.label()
                            + " today, the most in a day; thank you. More tomorrow (UTC).",
                    Duration.between(Instant.now(), tomorrow));
        }
    }

    private Map<ReviewQueue, Long> reviewedToday(User user) {
        Instant midnight =
                LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<ReviewQueue, Long> out = new EnumMap<>(ReviewQueue.class);
        em.createQuery(
                        "select r.queue, count(r) from Review r where r.reviewer = :me and r.createdAt >= :since"
                                + " and r.action <> :skip group by r.queue",
                        Object[].class)
                .setParameter("me", user)
                .setParameter("since", midnight)
                .setParameter("skip", ReviewAction.SKIP)
                .getResultStream()
                .forEach(r -> out.put((ReviewQueue) r[0], (Long) r[1]));
        return out;
    }

    private static boolean isOwn(ReviewTask task, User user) {
        return task.getPost().isOwnedBy(user)
                || (task.getSuggestedEdit() != null
                        && task.getSuggestedEdit().getProposer().isSameAs(user));
    }

    private ReviewItem item(ReviewTask task) {
        return item(task, null);
    }

    /** The task as {@code viewer} sees it: an audit says it was one once they reviewed it. */
    private ReviewItem item(ReviewTask task, User viewer) {
        Post post = task.getPost();
        Question question = post.questionShownOn();
        SuggestedEdit edit = task.getSuggestedEdit();
        List<DiffSegment> titleDiff = List.of();
        List<DiffSegment> bodyDiff = List.of();
        List<DiffSegment> tagsDiff = List.of();
        if (edit != null) {
            PostWritten.Content before = PostWritten.Content.of(post);
            PostWritten.Content after = edit.content();
            bodyDiff = TextDiff.words(before.bodyMarkdown(), after.bodyMarkdown());
            if (after.title() != null) {
                titleDiff = TextDiff.words(before.title(), after.title());
                tagsDiff = TextDiff.items(before.tags(), after.tags());
            }
        }
        List<String> votes = new ArrayList<>();
        if (task.getQueue() == ReviewQueue.CLOSE_VOTES || task.getQueue() == ReviewQueue.REOPEN_VOTES) {
            moderation
                    .pendingVotes(
                            task.getSiteId(),
                            post.getNumber(),
                            task.getQueue() == ReviewQueue.CLOSE_VOTES ? VoteKind.CLOSE : VoteKind.REOPEN)
                    .forEach(votes::add);
        }
        List<ReviewItem.Done> reviews = em.createQuery(
                        "select r from Review r join fetch r.reviewer where r.task = :task and r.action <> :skip"
                                + " order by r.createdAt, r.id",
                        Review.class)
                .setParameter("task", task)
                .setParameter("skip", ReviewAction.SKIP)
                .getResultStream()
                .map(r -> new ReviewItem.Done(r.getReviewer().ref(), r.getAction(), r.getCreatedAt()))
                .toList();
        return new ReviewItem(
                task.getId(),
                task.getQueue(),
                post.getNumber(),
                question.getNumber(),
                question.getTitle(),
                question.slug(),
                post instanceof Answer,
                images.rewrite(post.getBodyHtml(), post.getSite().hostNames()),
                post.ownerRef(),
                post.getCreatedAt(),
                edit == null ? null : edit.getProposer().ref(),
                edit == null ? null : edit.getSummary(),
                titleDiff,
                bodyDiff,
                tagsDiff,
                votes,
                reviews,
                task.getCompletedAt(),
                task.getOutcome(),
                auditResult(task, viewer));
    }

    private String auditResult(ReviewTask task, User viewer) {
        if (task.getAudit() == null || !task.isCompleted() || viewer == null) {
            return null;
        }
        Review mine = em.createQuery("select r from Review r where r.task = :task and r.reviewer = :me", Review.class)
                .setParameter("task", task)
                .setParameter("me", viewer)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (mine == null) {
            return null;
        }
        String was = "This was an audit, a test with " + task.getAudit().known() + ". ";
        if (mine.getAuditPassed() == null) {
            return was + "Skipping it counts neither way.";
        }
        if (mine.getAuditPassed()) {
            return was + "You passed it: thank you for reviewing carefully.";
        }
        return was + "You failed it: “" + mine.getAction().label() + "” was not the right review. "
                + FAILED_AUDITS_FOR_BAN + " failed audits within " + AUDIT_WINDOW.toDays()
                + " days ban you from reviewing for " + REVIEW_BAN.toDays() + " days.";
    }
}
