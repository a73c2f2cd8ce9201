package org.parley.moderation;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.common.Actor;
import org.parley.common.JsonProviders;
import org.parley.link.PostLink;
import org.parley.post.Answer;
import org.parley.post.HeldReputations;
import org.parley.post.Post;
import org.parley.post.PostChanged;
import org.parley.post.PostModerated;
import org.parley.post.PostRepository;
import org.parley.post.Question;
import org.parley.revision.HistoryTypes;
import org.parley.rules.ConflictException;
import org.parley.rules.FieldChecks;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.site.Limit;
import org.parley.site.Privilege;
import org.parley.site.Site;
import org.parley.site.SiteLimits;
import org.parley.user.User;
import org.parley.user.UserRepository;

/**
 * Closing and reopening questions, deleting and undeleting posts: by votes of users with the privilege, at once by
 * moderators (and, for duplicates, by holders of a gold badge in one of the question's tags), and for deletion by the
 * post's author. Each action that is carried out writes its history row (as the dumps do), and fires {@link
 * PostChanged} so that caches, the tag engine and search follow on every server.
 */
@Stateless
public class ModerationService {

    /** Votes that close or reopen a question. */
    public static final int CLOSE_VOTES = 5;

    /** What a post hidden by spam or rude flags costs its author. */
    public static final int FLAGGED_PENALTY = 100;

    /** The user number the dumps give the community (the system), for actions no one person took. */
    public static final long COMMUNITY_USER = -1;

    /** Votes that delete or undelete a post. */
    public static final int DELETE_VOTES = 3;

    /** The JSON field of a close row's text that keeps an off-topic close's explanation. */
    static final String NOTE_FIELD = "OffTopicNote";

    private static final Pattern QUESTION_URL = Pattern.compile("(?:^|/)(?:questions|q|a)/([0-9]{1,12})(?:[/?#]|$)");
    private static final Pattern NUMBER = Pattern.compile("#?([0-9]{1,12})");

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private PostRepository posts;

    @Inject
    private UserRepository users;

    @Inject
    private HeldReputations held;

    @Inject
    private Event<PostChanged> changes;

    @Inject
    private Event<PostModerated> moderated;

    @Inject
    private Event<ModerationVoted> voted;

    @Inject
    private Event<VotesExpired> expired;

    /**
     * Votes to close a question with a reason of one's own words when it is off-topic; see {@link
     * #voteToClose(Actor, long, CloseReason, String, String, String)}.
     */
    public Outcome voteToClose(Actor actor, long number, CloseReason reason, String duplicateOf, String note) {
        return voteToClose(actor, number, reason, duplicateOf, null, note);
    }

    /**
     * Votes to close a question; the fifth vote closes it, a moderator's vote at once, and so does a duplicate vote of
     * a user with a gold badge in one of the question's tags.
     *
     * @param duplicateOf for {@link CloseReason#DUPLICATE}: the original's number or its URL
     * @param offTopic for {@link CloseReason#OFF_TOPIC}: one of the site's off-topic reasons ({@link
     *     org.parley.site.SiteService#offTopicReasons}), or null or blank to give {@code note} instead
     * @param note for {@link CloseReason#OFF_TOPIC} without {@code offTopic}: why it is off-topic here, in the voter's
     *     words (10..{@value CloseReason#MAX_NOTE} characters)
     * @throws NotAllowedException when not logged in or without the "Cast close and reopen votes" privilege
     * @throws NotFoundException when there is no such live question
     * @throws ConflictException when the question is closed already or the user voted already
     * @throws InvalidInputException without a reason (field {@code reason}), without a live original question other
     *     than this one (field {@code duplicate}), an off-topic reason that is not one of the site's (field {@code
     *     offTopic}), or an off-topic close with neither that nor an explanation (field {@code note})
     */
    public Outcome voteToClose(
            Actor actor, long number, CloseReason reason, String duplicateOf, String offTopic, String note) {
        User voter = users.acting(actor, "Log in to vote to close questions.");
        FieldChecks checks = new FieldChecks();
        checks.field("reason", () -> {
            if (reason == null) {
                throw new InvalidInputException("Choose why the question should be closed.");
            }
            return reason;
        });
        String why = null;
        if (reason == CloseReason.OFF_TOPIC) {
            // The site's reason is kept as the vote's explanation, worded as the site words it, so the banner shows it.
            why = offTopic != null && !offTopic.isBlank()
                    ? checks.field(
                            "offTopic", () -> voter.getSite().offTopicReasons().require(offTopic))
                    : checks.field("note", () -> checkNote(note));
        }
        checks.done();
        Question question = liveQuestion(actor.siteId(), number);
        if (question.getClosedAt() != null) {
            throw new ConflictException("This question is already closed.");
        }
        question.getSite().privileges().require(Privilege.CLOSE_REOPEN, voter.getReputation(), voter.getRole());
        Long original = reason == CloseReason.DUPLICATE ? original(actor.siteId(), number, duplicateOf) : null;
        List<ModerationVote> round =
                pending(question, VoteKind.CLOSE, voter, "You already voted to close this question.");
        Instant now = Instant.now();
        ModerationVote vote = new ModerationVote(question, voter, VoteKind.CLOSE, reason, original, why, now);
        em.persist(vote);
        round.add(vote);
        boolean binding = voter.isModerator() || (reason == CloseReason.DUPLICATE && hasGoldTagBadge(voter, question));
        if (!binding && round.size() < CLOSE_VOTES) {
            voted.fire(new ModerationVoted(actor.siteId(), number, VoteKind.CLOSE));
            return new Outcome(round.size(), CLOSE_VOTES, false);
        }
        List<ModerationVote> closers = binding ? List.of(vote) : round;
        CloseReason chosen = binding ? reason : mostCommonReason(closers);
        Set<Long> originals = new LinkedHashSet<>();
        String chosenNote = null;
        for (ModerationVote v : closers) {
            if (v.getReason() == chosen && v.getDuplicateOf() != null) {
                originals.add(v.getDuplicateOf());
            }
            if (v.getReason() == chosen && chosenNote == null) {
                chosenNote = v.getNote();
            }
        }
        question.close(now, chosen.code());
        question.touch(posts.nextRowVersion());
        round.forEach(v -> v.settle(now));
        long siteId = actor.siteId();
        if (!originals.isEmpty()) {
            posts.lockSite(siteId); // numbers the new links after the site's highest, as revisions are numbered
            Long max = em.createNamedQuery("PostLink.maxDumpId", Long.class)
                    .setParameter("site", siteId)
                    .getSingleResult();
            long next = max == null ? 1 : max + 1;
            for (long o : originals) {
                em.persist(new PostLink(siteId, next++, number, o, PostLink.DUPLICATE, now));
            }
        }
        JsonObjectBuilder text = JsonProviders.JSON.createObjectBuilder();
        if (!originals.isEmpty()) {
            JsonArrayBuilder ids = JsonProviders.JSON.createArrayBuilder();
            originals.forEach(ids::add);
            text.add("OriginalQuestionIds", ids);
        }
        text.add("Voters", voters(closers));
        if (chosenNote != null) {
            text.add(NOTE_FIELD, chosenNote);
        }
        moderated.fire(new PostModerated(
                siteId,
                number,
                voter.getNumber(),
                now,
                HistoryTypes.CLOSED,
                Integer.toString(chosen.code()),
                text.build().toString()));
        changes.fire(new PostChanged(siteId, number, number, PostChanged.Kind.CLOSED));
        originals.forEach(o -> changes.fire(new PostChanged(siteId, o, o, PostChanged.Kind.LINKED)));
        return new Outcome(closers.size(), CLOSE_VOTES, true);
    }

    /**
     * Votes to reopen a closed question; the fifth vote reopens it, a moderator's at once, and so does the vote of a
     * gold tag badge holder on a question closed as a duplicate. Reopening removes its duplicate links.
     *
     * @throws NotAllowedException when not logged in or without the "Cast close and reopen votes" privilege
     * @throws NotFoundException when there is no such live question
     * @throws ConflictException when the question is open or the user voted already
     */
    public Outcome voteToReopen(Actor actor, long number) {
        User voter = users.acting(actor, "Log in to vote to reopen questions.");
        Question question = liveQuestion(actor.siteId(), number);
        if (question.getClosedAt() == null) {
            throw new ConflictException("This question is open.");
        }
        question.getSite().privileges().require(Privilege.CLOSE_REOPEN, voter.getReputation(), voter.getRole());
        List<ModerationVote> round =
                pending(question, VoteKind.REOPEN, voter, "You already voted to reopen this question.");
        Instant now = Instant.now();
        ModerationVote vote = new ModerationVote(question, voter, VoteKind.REOPEN, null, null, null, now);
        em.persist(vote);
        round.add(vote);
        Integer reason = question.getCloseReason();
        boolean duplicate = reason != null && reason == CloseReason.DUPLICATE.code();
        boolean binding = voter.isModerator() || (duplicate && hasGoldTagBadge(voter, question));
        if (!binding && round.size() < CLOSE_VOTES) {
            voted.fire(new ModerationVoted(actor.siteId(), number, VoteKind.REOPEN));
            return new Outcome(round.size(), CLOSE_VOTES, false);
        }
        List<ModerationVote> reopeners = binding ? List.of(vote) : round;
        question.close(null, null);
        question.touch(posts.nextRowVersion());
        round.forEach(v -> v.settle(now));
        long siteId = actor.siteId();
        List<Long> originals = new ArrayList<>();
        for (PostLink link : em.createNamedQuery("PostLink.duplicatesOf", PostLink.class)
                .setParameter("site", siteId)
                .setParameter("post", number)
                .getResultList()) {
            originals.add(link.getRelatedPostNumber());
            em.remove(link);
        }
        moderated.fire(new PostModerated(
                siteId,
                number,
                voter.getNumber(),
                now,
                HistoryTypes.REOPENED,
                null,
                JsonProviders.JSON
                        .createObjectBuilder()
                        .add("Voters", voters(reopeners))
                        .build()
                        .toString()));
        changes.fire(new PostChanged(siteId, number, number, PostChanged.Kind.REOPENED));
        originals.forEach(o -> changes.fire(new PostChanged(siteId, o, o, PostChanged.Kind.LINKED)));
        return new Outcome(reopeners.size(), CLOSE_VOTES, true);
    }

    /**
     * Deletes a post, or votes to. Its author deletes at once (a question only while no answer has a positive score,
     * unless they are a trusted user; an answer unless it is accepted), a moderator at once; users with "Cast delete
     * votes" vote on closed questions and on answers scored -1 or below, and the third vote deletes.
     *
     * @throws NotAllowedException when not logged in, without the privilege, or when the rules above refuse
     * @throws NotFoundException when there is no such post
     * @throws ConflictException when the post is deleted already or the user voted already
     */
    public Outcome delete(Actor actor, long number) {
        User user = users.acting(actor, "Log in to delete posts.");
        Post post = posts.lock(actor.siteId(), number);
        if (post.isDeleted()) {
            throw new ConflictException("This post is already deleted.");
        }
        Question question = post.questionShownOn();
        if (question.isDeleted()) {
            throw new ConflictException("Its question is deleted.");
        }
        boolean binding;
        if (user.isModerator()) {
            binding = true;
        } else if (post.isOwnedBy(user)) {
            requireOwnDeletable(post, user);
            binding = true;
        } else {
            post.getSite().privileges().require(Privilege.DELETE_VOTES, user.getReputation(), user.getRole());
            if (post instanceof Question q && q.getClosedAt() == null) {
                throw new NotAllowedException("Only closed questions can be voted for deletion; vote to close it.");
            }
            if (post instanceof Answer && post.getScore() > -1) {
                throw new NotAllowedException("Only answers scored -1 or below can be voted for deletion.");
            }
            binding = false;
        }
        List<ModerationVote> round = pending(post, VoteKind.DELETE, user, "You already voted to delete this post.");
        Instant now = Instant.now();
        ModerationVote vote = new ModerationVote(post, user, VoteKind.DELETE, null, null, null, now);
        em.persist(vote);
        round.add(vote);
        if (!binding && round.size() < DELETE_VOTES) {
            return new Outcome(round.size(), DELETE_VOTES, false);
        }
        List<ModerationVote> deleters = binding ? List.of(vote) : round;
        setDeleted(post, now, user);
        round.forEach(v -> v.settle(now));
        fireDeletion(post, user, now, HistoryTypes.DELETED, deleters, PostChanged.Kind.DELETED);
        return new Outcome(deleters.size(), DELETE_VOTES, true);
    }

    /**
     * Undeletes a post, or votes to: a moderator at once, its author at once when they deleted it themselves, users
     * with "Cast delete votes" by three votes.
     *
     * @throws NotAllowedException when not logged in or without the privilege
     * @throws NotFoundException when there is no such post
     * @throws ConflictException when the post is not deleted, its question is deleted, or the user voted already
     */
    public Outcome undelete(Actor actor, long number) {
        User user = users.acting(actor, "Log in to undelete posts.");
        Post post = posts.lock(actor.siteId(), number);
        if (!post.isDeleted()) {
            throw new ConflictException("This post is not deleted.");
        }
        if (post instanceof Answer answer && answer.getQuestion().isDeleted()) {
            throw new ConflictException("Its question is deleted: undelete the question first.");
        }
        boolean binding;
        if (user.isModerator()) {
            binding = true;
        } else if (post.isOwnedBy(user)
                && post.getDeletedBy() != null
                && post.getDeletedBy().isSameAs(user)) {
            binding = true;
        } else {
            post.getSite().privileges().require(Privilege.DELETE_VOTES, user.getReputation(), user.getRole());
            binding = false;
        }
        List<ModerationVote> round = pending(post, VoteKind.UNDELETE, user, "You already voted to undelete this post.");
        Instant now = Instant.now();
        ModerationVote vote = new ModerationVote(post, user, VoteKind.UNDELETE, null, null, null, now);
        em.persist(vote);
        round.add(vote);
        if (!binding && round.size() < DELETE_VOTES) {
            return new Outcome(round.size(), DELETE_VOTES, false);
        }
        List<ModerationVote> undeleters = binding ? List.of(vote) : round;
        setDeleted(post, null, null);
        round.forEach(v -> v.settle(now));
        fireDeletion(post, user, now, HistoryTypes.UNDELETED, undeleters, PostChanged.Kind.UNDELETED);
        return new Outcome(undeleters.size(), DELETE_VOTES, true);
    }

    /**
     * Hides a post that six spam or rude flags marked, in the flagger's transaction: deleted by the community (the
     * dumps' user -1), and its author loses {@value #FLAGGED_PENALTY} reputation. Does nothing to a deleted post.
     *
     * @return whether the post was hidden now
     */
    public boolean hideFlagged(long siteId, long number) {
        return deleteByCommunity(siteId, number, "Hidden by spam or rude flags", FLAGGED_PENALTY);
    }

    /**
     * Deletes a post that reviewers of the low-quality queue recommended deleting, in the last reviewer's transaction:
     * deleted by the community (the dumps' user -1). Does nothing to a deleted post.
     *
     * @return whether the post was deleted now
     */
    public boolean deleteByReview(long siteId, long number) {
        return deleteByCommunity(siteId, number, "Deleted by review", 0);
    }

    /**
     * Ends the votes of one kind gathering on a post without acting on them (reviewers left the question open, or
     * closed), so that a new round starts afresh.
     */
    public void settleVotes(long siteId, long number, VoteKind kind) {
        Post post = posts.lock(siteId, number);
        Instant now = Instant.now();
        em.createNamedQuery("ModerationVote.pending", ModerationVote.class)
                .setParameter("post", post)
                .setParameter("kind", kind)
                .getResultList()
                .forEach(v -> v.settle(now));
        changes.fire(new PostChanged(siteId, post.questionShownOn().getNumber(), number, PostChanged.Kind.EDITED));
    }

    /**
     * Lets the close and reopen votes of a site age away, as on Stack Overflow: a vote that has not closed (or
     * reopened) its question within the site's {@link Limit#CLOSE_VOTE_DAYS} days ({@link
     * Limit#CLOSE_VOTE_DAYS_FEW_VIEWS} on a question seen fewer than {@link Limit#CLOSE_VOTE_FEW_VIEWS} times) of
     * being cast expires: it is settled without effect, leaves the question's count, and a review task left with no
     * votes is completed ({@link VotesExpired}). Each question is locked before its votes are read, so servers running
     * this at once expire each vote once; a second run finds nothing.
     *
     * @return how many votes expired
     */
    public int expireVotes(long siteId, Instant now) {
        Site site = em.find(Site.class, siteId);
        if (site == null) {
            return 0;
        }
        SiteLimits limits = site.limits();
        int days = limits.value(Limit.CLOSE_VOTE_DAYS);
        int fewDays = limits.value(Limit.CLOSE_VOTE_DAYS_FEW_VIEWS);
        int fewViews = limits.value(Limit.CLOSE_VOTE_FEW_VIEWS);
        if (days == 0) {
            return 0; // the site keeps votes until they act
        }
        int soonest = fewDays == 0 ? days : Math.min(days, fewDays);
        List<Long> candidates = em.createQuery(
                        "select distinct q.id from ModerationVote v, Question q where v.post = q"
                                + " and q.site.id = :site and v.kind in :kinds and v.settledAt is null"
                                + " and v.castAt < :before order by q.id",
                        Long.class)
                .setParameter("site", siteId)
                .setParameter("kinds", List.of(VoteKind.CLOSE, VoteKind.REOPEN))
                .setParameter("before", now.minus(Duration.ofDays(soonest)))
                .getResultList();
        int count = 0;
        for (long id : candidates) {
            // In id order, one row lock each; the votes are read after it, so a vote settled meanwhile is not counted.
            Question question = em.find(Question.class, id, LockModeType.PESSIMISTIC_WRITE);
            boolean few = fewViews > 0 && question.getViewCount() < fewViews;
            int lifetime = few && fewDays > 0 ? fewDays : days;
            Instant cutoff = now.minus(Duration.ofDays(lifetime));
            for (VoteKind kind : List.of(VoteKind.CLOSE, VoteKind.REOPEN)) {
                if ((kind == VoteKind.CLOSE) != (question.getClosedAt() == null)) {
                    continue; // a round that can no longer carry its question (settled when it closes or reopens)
                }
                List<ModerationVote> aged = em.createNamedQuery("ModerationVote.pending", ModerationVote.class)
                        .setParameter("post", question)
                        .setParameter("kind", kind)
                        .getResultStream()
                        .filter(v -> v.getCastAt().isBefore(cutoff))
                        .toList();
                if (aged.isEmpty()) {
                    continue;
                }
                aged.forEach(v -> v.settle(now));
                count += aged.size();
                expired.fire(new VotesExpired(siteId, question.getNumber(), kind));
                changes.fire(
                        new PostChanged(siteId, question.getNumber(), question.getNumber(), PostChanged.Kind.EDITED));
            }
        }
        return count;
    }

    /** The votes of one kind gathering on a post, in words ("Duplicate (of 12), by Ada"), in the order cast. */
    public List<String> pendingVotes(long siteId, long number, VoteKind kind) {
        Post post = posts.find(siteId, number);
        List<String> out = new ArrayList<>();
        for (ModerationVote v : em.createNamedQuery("ModerationVote.pending", ModerationVote.class)
                .setParameter("post", post)
                .setParameter("kind", kind)
                .getResultList()) {
            StringBuilder line = new StringBuilder();
            if (v.getReason() != null) {
                line.append(v.getReason().label());
                if (v.getDuplicateOf() != null) {
                    line.append(" (of question ").append(v.getDuplicateOf()).append(')');
                }
                if (v.getNote() != null) {
                    line.append(": ").append(v.getNote());
                }
            } else {
                line.append(kind == VoteKind.REOPEN ? "Reopen" : kind.name().toLowerCase(java.util.Locale.ROOT));
            }
            line.append(", by ").append(v.getVoter().getDisplayName());
            out.add(line.toString());
        }
        return out;
    }

    private boolean deleteByCommunity(long siteId, long number, String comment, int penalty) {
        Post post = posts.lock(siteId, number);
        if (post.isDeleted() || post.questionShownOn().isDeleted()) {
            return false; // an answer of a deleted question went with it, its reputation too
        }
        Instant now = Instant.now();
        setDeleted(post, now, null);
        if (penalty > 0 && post.getOwner() != null) {
            users.lockAll(java.util.Arrays.asList(post.getOwner()));
            post.getOwner().changeReputation(-penalty);
        }
        moderated.fire(new PostModerated(
                siteId,
                number,
                COMMUNITY_USER,
                now,
                HistoryTypes.DELETED,
                comment,
                JsonProviders.JSON
                        .createObjectBuilder()
                        .add("Voters", JsonProviders.JSON.createArrayBuilder())
                        .build()
                        .toString()));
        changes.fire(new PostChanged(siteId, post.questionShownOn().getNumber(), number, PostChanged.Kind.DELETED));
        return true;
    }

    /**
     * The votes still gathering on these posts of a site, and which of them are {@code viewer}'s.
     *
     * @return per post number that has any, the counts by kind (posts without votes are missing)
     */
    public Map<Long, Tally> tallies(long siteId, Collection<Long> numbers, Actor viewer) {
        Map<Long, Tally> out = new LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return out;
        }
        Map<Long, EnumMap<VoteKind, Integer>> counts = new LinkedHashMap<>();
        Map<Long, EnumSet<VoteKind>> mine = new LinkedHashMap<>();
        em.createQuery(
                        "select v.post.number, v.kind, v.voter.id from ModerationVote v where v.post.site.id = :site"
                                + " and v.post.number in :numbers and v.settledAt is null",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("numbers", numbers)
                .getResultStream()
                .forEach(r -> {
                    long n = (Long) r[0];
                    VoteKind kind = (VoteKind) r[1];
                    counts.computeIfAbsent(n, k -> new EnumMap<>(VoteKind.class))
                            .merge(kind, 1, Integer::sum);
                    if (viewer != null && viewer.siteId() == siteId && ((Long) r[2]) == viewer.userId()) {
                        mine.computeIfAbsent(n, k -> EnumSet.noneOf(VoteKind.class))
                                .add(kind);
                    }
                });
        counts.forEach((n, c) -> out.put(n, new Tally(c, mine.getOrDefault(n, EnumSet.noneOf(VoteKind.class)))));
        return out;
    }

    /** The votes of each kind still gathering on one post, and the viewer's among them. */
    public record Tally(Map<VoteKind, Integer> counts, Set<VoteKind> mine) {

        public int count(VoteKind kind) {
            return counts.getOrDefault(kind, 0);
        }

        public boolean voted(VoteKind kind) {
            return mine.contains(kind);
        }
    }

    /**
     * Why a closed question was closed and by whom, from its newest close in the history (imported closes included);
     * null when the question is open or unknown.
     */
    public Closure closure(long siteId, long number) {
        List<Object[]> question = em.createQuery(
                        "select q.closedAt, q.closeReason from Question q where q.site.id = :site"
                                + " and q.number = :number",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("number", number)
                .getResultList();
        if (question.isEmpty() || question.get(0)[0] == null) {
            return null;
        }
        Instant closedAt = (Instant) question.get(0)[0];
        Integer code = (Integer) question.get(0)[1];
        List<Object[]> rows = em.createQuery(
                        "select r.comment, r.text from PostRevision r where r.siteId = :site and r.postNumber = :number"
                                + " and r.historyTypeId = " + HistoryTypes.CLOSED
                                + " order by r.createdAt desc, r.dumpId desc",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("number", number)
                .setMaxResults(1)
                .getResultList();
        String comment = rows.isEmpty() ? null : (String) rows.get(0)[0];
        String text = rows.isEmpty() ? null : (String) rows.get(0)[1];
        CloseReason reason = CloseReason.ofCode(code)
                .or(() -> CloseReason.ofCode(parseCode(comment)))
                .orElse(null);
        String reasonText =
                code != null ? HistoryTypes.closeReason(code.toString()) : HistoryTypes.closeReason(comment);
        List<Closure.Closer> closers = HistoryTypes.voters(text).stream()
                .map(v -> new Closure.Closer(v.number(), v.displayName()))
                .toList();
        List<Long> originalNumbers = new ArrayList<>(HistoryTypes.duplicateOf(text));
        if (originalNumbers.isEmpty()) {
            em.createNamedQuery("PostLink.duplicatesOf", PostLink.class)
                    .setParameter("site", siteId)
                    .setParameter("post", number)
                    .getResultStream()
                    .forEach(l -> originalNumbers.add(l.getRelatedPostNumber()));
        }
        List<Closure.Original> originals = originalNumbers.isEmpty()
                ? List.of()
                : em.createQuery(
                                "select q.number, q.title from Question q where q.site.id = :site"
                                        + " and q.number in :numbers and q.deletedAt is null",
                                Object[].class)
                        .setParameter("site", siteId)
                        .setParameter("numbers", originalNumbers)
                        .getResultStream()
                        .map(r -> new Closure.Original(
                                (Long) r[0], (String) r[1], org.parley.common.Slugs.slugify((String) r[1])))
                        .toList();
        return new Closure(closedAt, reason, reasonText, note(text), closers, originals);
    }

    // ------------------------------------------------------------------------------------------------------ rules

    private Question liveQuestion(long siteId, long number) {
        if (!(posts.lock(siteId, number) instanceof Question question) || question.isDeleted()) {
            throw new NotFoundException("No such question.");
        }
        return question;
    }

    /** The votes of the current round of {@code kind} on {@code post}, refusing a second vote of {@code voter}. */
    private List<ModerationVote> pending(Post post, VoteKind kind, User voter, String already) {
        List<ModerationVote> round = new ArrayList<>(em.createNamedQuery("ModerationVote.pending", ModerationVote.class)
                .setParameter("post", post)
                .setParameter("kind", kind)
                .getResultList());
        if (round.stream().anyMatch(v -> v.getVoter().isSameAs(voter))) {
            throw new ConflictException(already);
        }
        return round;
    }

    /** The original of a duplicate: a live question of the site other than {@code number}, by number or URL. */
    private Long original(long siteId, long number, String given) {
        String s = given == null ? "" : given.strip();
        Matcher url = QUESTION_URL.matcher(s);
        Matcher plain = NUMBER.matcher(s);
        Long target = url.find() ? Long.valueOf(url.group(1)) : plain.matches() ? Long.valueOf(plain.group(1)) : null;
        if (target == null) {
            throw new InvalidInputException(
                    "duplicate", "Give the original question: its link or its number, or pick it from the search.");
        }
        Post found;
        try {
            found = posts.find(siteId, target);
        } catch (NotFoundException e) {
            found = null;
        }
        if (found == null || found.isDeleted() || found.questionShownOn().isDeleted()) {
            throw new InvalidInputException("duplicate", "There is no question " + target + " on this site.");
        }
        long original = found.questionShownOn().getNumber();
        if (original == number) {
            throw new InvalidInputException("duplicate", "A question can't be a duplicate of itself.");
        }
        return original;
    }

    /** A gold tag badge (imported, or awarded here once badges are) in one of the question's tags. */
    private boolean hasGoldTagBadge(User user, Question question) {
        List<String> tags = question.tagList();
        if (tags.isEmpty()) {
            return false;
        }
        Long count = em.createQuery(
                        "select count(b) from Badge b where b.siteId = :site and b.userNumber = :user"
                                + " and b.tagBased = true and b.badgeClass = 1 and b.name in :tags",
                        Long.class)
                .setParameter("site", question.getSite().getId())
                .setParameter("user", user.getNumber())
                .setParameter("tags", tags)
                .getSingleResult();
        return count > 0;
    }

    private void requireOwnDeletable(Post post, User author) {
        if (post instanceof Question question) {
            boolean upvotedAnswers = em.createQuery(
                                    "select count(a) from Answer a where a.question = :q and a.score > 0"
                                            + " and a.deletedAt is null",
                                    Long.class)
                            .setParameter("q", question)
                            .getSingleResult()
                    > 0;
            if (upvotedAnswers
                    && !post.getSite()
                            .privileges()
                            .has(Privilege.TRUSTED_USER, author.getReputation(), author.getRole())) {
                throw new NotAllowedException(
                        "You can't delete a question that has upvoted answers: others found them useful."
                                + " Flag it for a moderator if it must go.");
            }
        } else if (post instanceof Answer answer && answer.getQuestion().isAccepted(answer)) {
            throw new NotAllowedException("You can't delete an accepted answer.");
        }
    }

    private void setDeleted(Post post, Instant at, User by) {
        if (post instanceof Answer answer) {
            posts.relock(answer.getQuestion()); // its answer count changes
        } else {
            posts.lockSite(post.getSite().getId()); // tag counts change, serialised with asking and editing
        }
        post.delete(at, by);
        // Its votes and accept no longer count (a deleted question's answers' neither), until it is undeleted.
        if (at != null) {
            held.takeBack(post, at);
        } else {
            held.giveBack(post);
        }
        post.touch(posts.nextRowVersion());
        if (post instanceof Answer answer) {
            answer.getQuestion().touch(posts.nextRowVersion());
        }
    }

    private void fireDeletion(
            Post post, User user, Instant now, int historyType, List<ModerationVote> voters, PostChanged.Kind kind) {
        long siteId = post.getSite().getId();
        moderated.fire(new PostModerated(
                siteId,
                post.getNumber(),
                user.getNumber(),
                now,
                historyType,
                null,
                JsonProviders.JSON
                        .createObjectBuilder()
                        .add("Voters", voters(voters))
                        .build()
                        .toString()));
        changes.fire(new PostChanged(siteId, post.questionShownOn().getNumber(), post.getNumber(), kind));
    }

    private static CloseReason mostCommonReason(List<ModerationVote> votes) {
        Map<CloseReason, Integer> counts = new LinkedHashMap<>();
        votes.forEach(v -> counts.merge(v.getReason(), 1, Integer::sum));
        CloseReason best = null;
        for (Map.Entry<CloseReason, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey(); // ties go to the reason voted first
            }
        }
        return best;
    }

    private static JsonArrayBuilder voters(List<ModerationVote> votes) {
        JsonArrayBuilder out = JsonProviders.JSON.createArrayBuilder();
        for (ModerationVote v : votes) {
            out.add(JsonProviders.JSON
                    .createObjectBuilder()
                    .add("Id", v.getVoter().getNumber())
                    .add("DisplayName", v.getVoter().getDisplayName()));
        }
        return out;
    }

    private static String checkNote(String note) {
        String s = note == null ? "" : note.strip().replaceAll("\\s+", " ");
        if (s.length() < 10) {
            throw new InvalidInputException(
                    "Choose one of the site's reasons, or say in a few words why it is off-topic here (at least 10"
                            + " characters).");
        }
        if (s.length() > CloseReason.MAX_NOTE) {
            throw new InvalidInputException(
                    "At most " + CloseReason.MAX_NOTE + " characters; this has " + s.length() + ".");
        }
        return s;
    }

    private static Integer parseCode(String comment) {
        try {
            return comment == null ? null : Integer.valueOf(comment.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String note(String json) {
        if (!HistoryTypes.isJson(json)) {
            return null;
        }
        try (var r = JsonProviders.JSON.createReader(new java.io.StringReader(json))) {
            var o = r.readObject();
            return o.containsKey(NOTE_FIELD) ? o.getString(NOTE_FIELD, null) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
