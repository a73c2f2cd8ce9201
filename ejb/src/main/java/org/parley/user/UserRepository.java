package org.parley.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hibernate.Hibernate;
import org.parley.common.Actor;
import org.parley.rules.NotAllowedException;

/** Loading users for the services, and locking them before reputation changes. */
@ApplicationScoped
public class UserRepository {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    public Optional<User> findByUsername(long siteId, String normalizedUsername) {
        return em
                .createNamedQuery("User.findByUsername", User.class)
                .setParameter("site", siteId)
                .setParameter("username", normalizedUsername)
                .getResultList() // not a stream: read outside a transaction too (UserService.ref), see there
                .stream()
                .findFirst();
    }

    public Optional<User> findByNumber(long siteId, long number) {
        return em.createNamedQuery("User.findByNumber", User.class)
                .setParameter("site", siteId)
                .setParameter("number", number)
                .getResultStream()
                .findFirst();
    }

    /** As {@link #findByNumber}, read as a list so that it also works outside a transaction. */
    public Optional<User> findByNumberListed(long siteId, long number) {
        return em
                .createNamedQuery("User.findByNumber", User.class)
                .setParameter("site", siteId)
                .setParameter("number", number)
                .getResultList()
                .stream()
                .findFirst();
    }

    /**
     * The user an actor stands for.
     *
     * @param message what the user is told when there is no actor, e.g. "Log in to vote."
     * @throws NotAllowedException when {@code actor} is null, or names a missing, deleted or other-site user
     */
    public User acting(Actor actor, String message) {
        if (actor == null) {
            throw new NotAllowedException(message);
        }
        User user = em.find(User.class, actor.userId());
        if (user == null || user.isDeleted() || user.getSite().getId() != actor.siteId()) {
            throw new NotAllowedException(message);
        }
        return user;
    }

    /**
     * Re-reads the users with a write lock, in id order so that two transactions locking the same users cannot
     * deadlock. Nulls and repeats are skipped. Call before changing reputation.
     */
    public void lockAll(Collection<User> users) {
        List<User> distinct = new ArrayList<>();
        for (User u : users) {
            if (u != null && distinct.stream().noneMatch(d -> d.isSameAs(u))) {
                distinct.add(u);
            }
        }
        distinct.sort(Comparator.comparing(User::getId, Comparator.nullsLast(Comparator.naturalOrder())));
        // Refresh a real instance: a lazy proxy would be left uninitialised and unlocked.
        distinct.forEach(u -> em.refresh(Hibernate.unproxy(u), LockModeType.PESSIMISTIC_WRITE));
    }
}
