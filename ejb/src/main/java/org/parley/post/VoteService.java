package org.parley.post;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import org.parley.common.Actor;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.RateLimitedException;
import org.parley.site.Limit;
import org.parley.site.Privilege;
import org.parley.site.SiteLimits;
import org.parley.submission.OncePerSubmission;
import org.parley.user.User;
import org.parley.user.UserRepository;

/** Up- and down-votes on questions and answers. */
@Stateless
public class VoteService {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private PostRepository posts;

    @Inject
    private UserRepository users;

    @Inject
    private Event<PostChanged> changes;

    @Inject
    private Event<PostActivity> activity;

    /**
     * Casts, changes or (when {@code type} equals the current vote) retracts the actor's vote, adjusting score and
     * reputation.
     *
     * @throws NotAllowedException when {@code actor} is null ("Log in to vote."), votes on their own post ("You
     *     can't vote on your own post."), or casts a vote without the site's privilege for it ({@link Privilege#VOTE_UP},
     *     {@link Privilege#VOTE_DOWN}: the message names it and the reputation it needs); taking a vote back is always
     *     allowed
     * @throws RateLimitedException when a user who is not a moderator casts a new vote beyond the site's votes a day
     *     ({@link Limit#VOTES_PER_DAY}, counted per UTC day); changing or taking back a vote is always
     *     allowed
     * @throws org.parley.rules.NotFoundException when there is no such post on the actor's site
     * @throws InvalidInputException when {@code type} is null
     */
    @Interceptors(OncePerSubmission.class)
    public VoteResult vote(Actor actor, long postNumber, VoteType type) {
        User voter = users.acting(actor, "Log in to vote.");
        if (type == null) {
            throw new InvalidInputException("Vote up or down.");
        }
        // Post row first, then users in id order: the same order everywhere, so votes cannot deadlock.
        Post post = posts.lock(actor.siteId(), postNumber);
        if (post.isOwnedBy(voter)) {
            throw new NotAllowedException("You can't vote on your own post.");
        }
        post.requireOpen("vote on", false);
        users.lockAll(Arrays.asList(voter, post.getOwner()));
        Vote current = em.createNamedQuery("Vote.findByPostAndVoter", Vote.class)
                .setParameter("post", post)
                .setParameter("voter", voter)
                .getResultStream()
                .findFirst()
                .orElse(null);
        Instant now = Instant.now();
        if (current == null || current.getType() != type) {
            post.getSite()
                    .privileges()
                    .require(
                            type == VoteType.UP ? Privilege.VOTE_UP : Privilege.VOTE_DOWN,
                            voter.getReputation(),
                            voter.getRole());
        }
        SiteLimits limits = post.getSite().limits();
        if (current == null && limits.value(Limit.VOTES_PER_DAY) > 0 && !voter.isModerator()) {
            // The voter's row is locked: two votes of one user at once are counted one after the other.
            long today = em.createNamedQuery("Vote.countByVoterSince", Long.class)
                    .setParameter("voter", voter)
                    .setParameter("since", SiteLimits.startOfDay(now))
                    .getSingleResult();
            limits.requireVoteToday(today, now, voter.getRole());
        }
        VoteChange change = post.vote(voter, current, type, now);
        if (change.toPersist() != null) {
            em.persist(change.toPersist());
        }
        if (change.toRemove() != null) {
            em.remove(change.toRemove());
        }
        post.touch(posts.nextRowVersion());
        if (change.after() != null && change.after() != change.before()) {
            PostActivities.fire(
                    activity,
                    PostActivity.Kind.VOTE,
                    post,
                    voter,
                    post,
                    post.questionShownOn().getTitle());
        }
        changes.fire(new PostChanged(
                actor.siteId(), post.questionShownOn().getNumber(), post.getNumber(), PostChanged.Kind.VOTED));
        return new VoteResult(post.getScore(), change.after());
    }
}
