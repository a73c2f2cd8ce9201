package org.parley.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.parley.flag.FlagKind;
import org.parley.flag.PostFlagged;
import org.parley.moderation.ModerationVoted;
import org.parley.moderation.VoteKind;
import org.parley.moderation.VotesExpired;
import org.parley.post.Answer;
import org.parley.post.EditSuggested;
import org.parley.post.Post;
import org.parley.post.PostChanged;
import org.parley.post.PostRepository;
import org.parley.post.PostWritten;
import org.parley.rules.ConflictException;
import org.parley.user.User;

/**
 * Where review tasks come from: observers of what happens on a site, in the transaction it happens in (a plain
 * {@code @Observes}), so a task exists exactly when its cause committed.
 */
@ApplicationScoped
public class ReviewTriggers {

    /** An answer to a question older than this, from a user below {@link #LATE_ANSWER_REPUTATION}, is reviewed. */
    static final Duration LATE = Duration.ofDays(30);

    static final int LATE_ANSWER_REPUTATION = 50;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private PostRepository posts;

    /**
     * An edit suggested by a user who may not edit freely waits in Suggested edits; a post takes one waiting edit at a
     * time, as on Stack Overflow.
     *
     * @throws ConflictException when the post has an edit waiting already (the suggestion rolls back)
     */
    void suggested(@Observes EditSuggested suggestion) {
        Post post = posts.find(suggestion.siteId(), suggestion.postNumber());
        Long waiting = em.createQuery(
                        "select count(s) from SuggestedEdit s where s.post = :post and s.state = :pending", Long.class)
                .setParameter("post", post)
                .setParameter("pending", SuggestedEdit.State.PENDING)
                .getSingleResult();
        if (waiting > 0) {
            throw new ConflictException("This post has an edit waiting for review; try again once it is reviewed.");
        }
        Instant now = Instant.now();
        User proposer = em.find(User.class, suggestion.proposerId());
        SuggestedEdit edit = new SuggestedEdit(post, proposer, suggestion.content(), suggestion.summary(), now);
        em.persist(edit);
        em.persist(new ReviewTask(ReviewQueue.SUGGESTED_EDITS, post, edit, now));
    }

    /** A user's first post goes to First posts; a new user's answer to an old question to Late answers. */
    void written(@Observes PostWritten written) {
        if (!written.created()) {
            return;
        }
        Post post = posts.find(written.siteId(), written.postNumber());
        User owner = post.getOwner();
        if (owner == null || owner.isModerator()) {
            return;
        }
        Long posted = em.createQuery("select count(p) from Post p where p.owner = :owner", Long.class)
                .setParameter("owner", owner)
                .getSingleResult();
        if (posted == 1) {
            open(ReviewQueue.FIRST_POSTS, post);
        } else if (post instanceof Answer answer
                && owner.getReputation() < LATE_ANSWER_REPUTATION
                && answer.getQuestion().getCreatedAt().isBefore(written.at().minus(LATE))) {
            open(ReviewQueue.LATE_ANSWERS, post);
        }
    }

    /** A close or reopen vote that did not decide puts the question in its queue (once). */
    void voted(@Observes ModerationVoted vote) {
        ReviewQueue queue = vote.kind() == VoteKind.CLOSE
                ? ReviewQueue.CLOSE_VOTES
                : vote.kind() == VoteKind.REOPEN ? ReviewQueue.REOPEN_VOTES : null;
        if (queue != null) {
            open(queue, posts.find(vote.siteId(), vote.postNumber()));
        }
    }

    /** Close or reopen votes that aged away complete the question's task when none of them is left. */
    void expired(@Observes VotesExpired expiry) {
        ReviewQueue queue = expiry.kind() == VoteKind.CLOSE ? ReviewQueue.CLOSE_VOTES : ReviewQueue.REOPEN_VOTES;
        Post post = posts.find(expiry.siteId(), expiry.postNumber());
        Long left = em.createQuery(
                        "select count(v) from ModerationVote v where v.post = :post and v.kind = :kind"
                                + " and v.settledAt is null",
                        Long.class)
                .setParameter("post", post)
                .setParameter("kind", expiry.kind())
                .getSingleResult();
        if (left > 0) {
            return;
        }
        Instant now = Instant.now();
        em.createQuery(
                        "select t from ReviewTask t where t.post = :post and t.queue = :queue and t.completedAt is null",
                        ReviewTask.class)
                .setParameter("post", post)
                .setParameter("queue", queue)
                .getResultList()
                .forEach(t -> t.complete("Votes expired", now));
    }

    /** Very-low-quality and not-an-answer flags put the post in Low quality posts (once). */
    void flagged(@Observes PostFlagged flag) {
        if (flag.kind() == FlagKind.LOW_QUALITY || flag.kind() == FlagKind.NOT_AN_ANSWER) {
            open(ReviewQueue.LOW_QUALITY, posts.find(flag.siteId(), flag.postNumber()));
        }
    }

    /** What happened anyway decides the tasks it makes moot: a close, a reopen, a deletion. */
    void changed(@Observes PostChanged change) {
        List<ReviewQueue> moot;
        String outcome;
        switch (change.kind()) {
            case CLOSED -> {
                moot = List.of(ReviewQueue.CLOSE_VOTES);
                outcome = "Closed";
            }
            case REOPENED -> {
                moot = List.of(ReviewQueue.REOPEN_VOTES, ReviewQueue.CLOSE_VOTES);
                outcome = "Reopened";
            }
            case DELETED -> {
                moot = List.of(ReviewQueue.values());
                outcome = "Deleted";
            }
            default -> {
                return;
            }
        }
        Instant now = Instant.now();
        for (ReviewTask t : em.createQuery(
                        "select t from ReviewTask t where t.siteId = :site and t.post.number = :number"
                                + " and t.queue in :queues and t.completedAt is null",
                        ReviewTask.class)
                .setParameter("site", change.siteId())
                .setParameter("number", change.postNumber())
                .setParameter("queues", moot)
                .getResultList()) {
            t.complete(outcome, now);
            if (t.getSuggestedEdit() != null) {
                t.getSuggestedEdit().decide(SuggestedEdit.State.REJECTED, now);
            }
        }
    }

    private void open(ReviewQueue queue, Post post) {
        Long waiting = em.createQuery(
                        "select count(t) from ReviewTask t where t.post = :post and t.queue = :queue"
                                + " and t.completedAt is null and t.audit is null",
                        Long.class)
                .setParameter("post", post)
                .setParameter("queue", queue)
                .getSingleResult();
        if (waiting == 0) {
            em.persist(new ReviewTask(queue, post, null, Instant.now()));
        }
    }
}
