package org.parley.post;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.site.Limit;
import org.parley.site.Site;
import org.parley.user.User;
import org.parley.user.UserRepository;

/**
 * Serial-voting reversal: on one site and one UTC day, a user who cast more up votes (or more down votes) than the
 * site's {@link Limit#SERIAL_VOTES_PER_DAY} on the posts of one other user has all those votes of that day taken
 * back (moderators' and admins' votes never are), exactly as retracting each would (score, the author's and the voter's reputation, the vote row), and each
 * changed post fires {@link PostChanged} so caches, lists and search follow. Votes on deleted posts are left alone:
 * their reputation is held already ({@link HeldReputations}), and taking it again would cost the author twice. Run
 * nightly by {@link SerialVotingTimer}; running it again for the same day finds nothing more to do.
 */
@Stateless
public class SerialVoting {

    private static final Logger log = Logger.getLogger(SerialVoting.class.getName());

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private PostRepository posts;

    @Inject
    private UserRepository users;

    @Inject
    private Event<PostChanged> changes;

    /**
     * What one reversal undid: {@code votes} votes of {@code type} by user {@code voterNumber} on posts of user
     * {@code ownerNumber} (users' numbers on the site).
     */
    public record Reversal(long voterNumber, long ownerNumber, VoteType type, int votes) {}

    /**
     * Reverses the serial votes cast on site {@code siteId} during {@code day} (UTC). Does nothing when the site's
     * limit is 0 or the site does not exist.
     *
     * @return each voter, author and vote type whose votes were reversed
     */
    public List<Reversal> reverse(long siteId, LocalDate day) {
        Site site = em.find(Site.class, siteId, LockModeType.PESSIMISTIC_WRITE);
        // The site row lock also makes the nightly run of each server in a cluster wait for the first and find nothing.
        if (site == null) {
            return List.of();
        }
        int limit = site.limits().value(Limit.SERIAL_VOTES_PER_DAY);
        if (limit == 0) {
            return List.of();
        }
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Object[]> groups = em.createNamedQuery("Vote.serialGroups", Object[].class)
                .setParameter("site", siteId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("limit", (long) limit)
                .getResultList();
        if (groups.isEmpty()) {
            return List.of();
        }
        // Locks as VoteService takes them, posts first and then users in id order, so a vote cast meanwhile cannot
        // deadlock with this; the votes are read only once their posts are locked, so none is taken back twice.
        TreeSet<Long> postIds = new TreeSet<>();
        for (Object[] g : groups) {
            postIds.addAll(em.createNamedQuery("Vote.postIdsByVoterOwnerTypeBetween", Long.class)
                    .setParameter("voter", g[0])
                    .setParameter("owner", g[1])
                    .setParameter("type", g[2])
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .getResultList());
        }
        postIds.forEach(id -> em.find(Post.class, id, LockModeType.PESSIMISTIC_WRITE));
        List<User> people = new ArrayList<>();
        for (Object[] g : groups) {
            people.add(em.find(User.class, g[0]));
            people.add(em.find(User.class, g[1]));
        }
        users.lockAll(people);

        Instant now = Instant.now();
        List<Reversal> done = new ArrayList<>();
        for (Object[] g : groups) {
            List<Vote> votes = em.createNamedQuery("Vote.listByVoterOwnerTypeBetween", Vote.class)
                    .setParameter("voter", g[0])
                    .setParameter("owner", g[1])
                    .setParameter("type", g[2])
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .getResultList();
            if (votes.size() <= limit) {
                continue; // some were taken back before the locks
            }
            for (Vote vote : votes) {
                Post post = vote.getPost();
                VoteChange change = post.vote(vote.getVoter(), vote, vote.getType(), now);
                em.remove(change.toRemove());
                post.touch(posts.nextRowVersion());
                changes.fire(new PostChanged(
                        siteId, post.questionShownOn().getNumber(), post.getNumber(), PostChanged.Kind.VOTED));
            }
            User voter = em.find(User.class, g[0]);
            User owner = em.find(User.class, g[1]);
            Reversal reversal = new Reversal(voter.getNumber(), owner.getNumber(), (VoteType) g[2], votes.size());
            done.add(reversal);
            log.log(
                    Level.INFO,
                    "Serial voting on {0} on {1}: reversed {2} {3} votes of user {4} on posts of user {5}",
                    new Object[] {site.getHost(), day, votes.size(), g[2], voter.getNumber(), owner.getNumber()});
        }
        return done;
    }
}
