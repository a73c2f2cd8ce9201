package org.parley.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.user.User;
import org.parley.user.UserRepository;

/**
 * Deleting a post takes back the reputation its votes and accept earned, as on Stack Overflow, where deleted posts'
 * votes do not count: its author loses what up and down votes and an accept gave, the asker what accepting it gave,
 * and down voters of an answer get their 1 back; a deleted question takes its live answers' with it. What was taken
 * is kept ({@link HeldReputation}) and undeleting gives exactly that back. Called by the moderation services in the
 * deleting transaction, after the post is locked; users are locked here in id order, as votes lock them.
 */
@ApplicationScoped
public class HeldReputations {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private UserRepository users;

    /**
     * Takes back what {@code deleted} (just deleted) and, for a question, its live answers earned, and keeps it.
     * Flushes, so that a later lock of a user (which reloads it) sees the change.
     */
    public void takeBack(Post deleted, Instant at) {
        List<Post> affected = new ArrayList<>();
        affected.add(deleted);
        if (deleted instanceof Question question) {
            affected.addAll(
                    em.createQuery("select a from Answer a where a.question = :q and a.deletedAt is null", Answer.class)
                            .setParameter("q", question)
                            .getResultList());
        }
        Map<Long, User> people = new LinkedHashMap<>();
        Map<Long, int[]> change = new LinkedHashMap<>(); // per user id: {votes, accept}
        for (Post p : affected) {
            for (Vote v : em.createQuery("select v from Vote v join fetch v.voter where v.post = :p", Vote.class)
                    .setParameter("p", p)
                    .getResultList()) {
                Reputation.Delta earned = Reputation.forVote(v.getType(), !p.isQuestion());
                add(people, change, p.getOwner(), -earned.author(), 0);
                add(people, change, v.getVoter(), -earned.voter(), 0);
            }
            if (p instanceof Answer answer && answer.getQuestion().isAccepted(answer)) {
                User asker = answer.getQuestion().getOwner();
                User answerer = answer.getOwner();
                if (asker == null || !asker.isSameAs(answerer)) {
                    add(people, change, answerer, -Reputation.ACCEPTED, 1);
                    add(people, change, asker, -Reputation.ACCEPTING, 1);
                }
            }
        }
        users.lockAll(people.values());
        change.forEach((id, amounts) -> {
            User u = people.get(id);
            for (int kind = 0; kind < 2; kind++) {
                int before = u.getReputation();
                u.changeReputation(amounts[kind]);
                int applied = u.getReputation() - before;
                if (applied != 0) {
                    em.persist(new HeldReputation(deleted, u, applied, kind == 1, at));
                }
            }
        });
        em.flush();
    }

    /** Gives back what deleting {@code undeleted} took, exactly; flushes as {@link #takeBack} does. */
    public void giveBack(Post undeleted) {
        List<HeldReputation> held = em.createNamedQuery("HeldReputation.listByPost", HeldReputation.class)
                .setParameter("post", undeleted)
                .getResultList();
        if (held.isEmpty()) {
            return;
        }
        users.lockAll(held.stream().map(HeldReputation::getUser).toList());
        for (HeldReputation h : held) {
            h.getUser().changeReputation(-h.getAmount());
            em.remove(h);
        }
        em.flush();
    }

    /**
     * Ends the accept's reputation held for a deleted answer whose accept the asker moved or removed: undeleting it
     * gives back its votes' reputation only, as it is no longer accepted.
     */
    void forgetAccept(Answer deleted) {
        em.createQuery("delete from HeldReputation h where h.post = :post and h.accept = true")
                .setParameter("post", deleted)
                .executeUpdate();
    }

    private static void add(Map<Long, User> people, Map<Long, int[]> change, User user, int amount, int kind) {
        if (user == null || amount == 0) {
            return;
        }
        people.putIfAbsent(user.getId(), user);
        change.computeIfAbsent(user.getId(), k -> new int[2])[kind] += amount;
    }
}
