package org.parley.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Hibernate;
import org.parley.rules.NotFoundException;
import org.parley.site.Site;

/** Loading and locking posts (and the site row that hands out their numbers) for the post services. */
@ApplicationScoped
public class PostRepository {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /**
     * A question or answer by its number on the site.
     *
     * @throws NotFoundException when there is none
     */
    public Post find(long siteId, long number) {
        return load(siteId, number, LockModeType.NONE);
    }

    /**
     * A question or answer by number, with its row locked for writing until the transaction ends.
     *
     * @throws NotFoundException when there is none
     */
    public Post lock(long siteId, long number) {
        return load(siteId, number, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * A question by number (owner loaded with it).
     *
     * @throws NotFoundException when the site has no question with that number
     */
    public Question findQuestion(long siteId, long number) {
        return em.createNamedQuery("Question.findByNumber", Question.class)
                .setParameter("site", siteId)
                .setParameter("number", number)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No such question."));
    }

    /** Re-reads {@code post} with a write lock, e.g. an answer's question before counting the answer. */
    public void relock(Post post) {
        // Refresh a real instance: a lazy proxy would be left uninitialised and unlocked.
        em.refresh(Hibernate.unproxy(post), LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The site with its row locked, before taking post numbers or creating tags.
     *
     * @throws NotFoundException when the site does not exist
     */
    public Site lockSite(long siteId) {
        Site site = em.find(Site.class, siteId, LockModeType.PESSIMISTIC_WRITE);
        if (site == null) {
            throw new NotFoundException("No such site.");
        }
        return site;
    }

    /**
     * A fresh row version from the database sequence. Draw it after locking the row it is for: a version drawn
     * before the lock could be smaller than one a concurrent writer drew later but committed first.
     */
    public long nextRowVersion() {
        return RowVersions.next(em);
    }

    private Post load(long siteId, long number, LockModeType lock) {
        Post post = em.createNamedQuery("Post.findByNumber", Post.class)
                .setParameter("site", siteId)
                .setParameter("number", number)
                .setLockMode(lock)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No such post."));
        // A Post-typed proxy (from a vote or comment) would fail instanceof checks on the subclass.
        return (Post) Hibernate.unproxy(post);
    }
}
