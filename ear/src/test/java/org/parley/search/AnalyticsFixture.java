package org.parley.search;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.parley.message.PrivateMessage;
import org.parley.post.Post;

/**
 * Test-only: moves posts and messages made through the services to known dates (and known answer and reply times);
 * and indexes them again (bulk updates bypass automatic indexing), so that {@link AnalyticsIT} can expect exact figures. Deployed into the EJB module.
 */
@Stateless
public class AnalyticsFixture {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /** Sets a post's creation time; a question's first-answer seconds too when given; indexes it again. */
    public void backdatePost(long siteId, long number, Instant created, Long firstAnswerSeconds) {
        em.createQuery("update Post p set p.createdAt = :c where p.site.id = :s and p.number = :n")
                .setParameter("c", created)
                .setParameter("s", siteId)
                .setParameter("n", number)
                .executeUpdate();
        if (firstAnswerSeconds != null) {
            em.createQuery("update Question q set q.firstAnswerSeconds = :f, q.firstAnswerAt = :at"
                            + " where q.site.id = :s and q.number = :n")
                    .setParameter("f", firstAnswerSeconds)
                    .setParameter("at", created.plusSeconds(firstAnswerSeconds))
                    .setParameter("s", siteId)
                    .setParameter("n", number)
                    .executeUpdate();
        }
        em.clear();
        Post post = em.createQuery("select p from Post p where p.site.id = :s and p.number = :n", Post.class)
                .setParameter("s", siteId)
                .setParameter("n", number)
                .getSingleResult();
        Search.session(em).indexingPlan().addOrUpdate(post);
    }

    /** Sets a message's sending time and reply seconds (null: not a reply); indexes it again. */
    public void backdateMessage(long id, Instant created, Long replySeconds) {
        em.createQuery("update PrivateMessage m set m.createdAt = :c, m.replySeconds = :r where m.id = :id")
                .setParameter("c", created)
                .setParameter("r", replySeconds)
                .setParameter("id", id)
                .executeUpdate();
        em.clear();
        Search.session(em).indexingPlan().addOrUpdate(em.find(PrivateMessage.class, id));
    }

    /** How many of these messages are delivered. */
    public long delivered(List<Long> ids) {
        return em.createQuery(
                        "select count(m) from PrivateMessage m where m.id in :ids"
                                + " and m.state = org.parley.message.MessageState.DELIVERED",
                        Long.class)
                .setParameter("ids", ids)
                .getSingleResult();
    }

    /** A message's reply seconds as the service stored them when it was sent. */
    public Long replySeconds(long id) {
        return em.find(PrivateMessage.class, id).getReplySeconds();
    }

    /** A question's first-answer seconds as the service stored them. */
    public Long firstAnswerSeconds(long siteId, long number) {
        return em.createQuery(
                        "select q.firstAnswerSeconds from Question q where q.site.id = :s and q.number = :n",
                        Long.class)
                .setParameter("s", siteId)
                .setParameter("n", number)
                .getSingleResult();
    }
}
