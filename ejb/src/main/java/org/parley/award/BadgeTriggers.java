package org.parley.award;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.parley.post.PostActivity;
import org.parley.post.PostWritten;
import org.parley.post.QuestionViewsAdded;
import org.parley.review.TaskReviewed;
import org.parley.user.ProfileSaved;
import org.parley.user.User;
import org.parley.user.UserVisited;

/**
 * Turns the events that can earn a badge into badge checks, queued in the causing transaction (so they run only once it
 * committed): a vote, a comment, an answer or an accept by someone else (both users: the owner's post scored, the actor
 * voted or commented); asking, answering and editing (the writer); a review; a day's first visit; a saved profile
 * (Autobiographer); a question passing a view milestone (its asker).
 */
@ApplicationScoped
public class BadgeTriggers {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private BadgeJobs jobs;

    void onActivity(@Observes PostActivity activity) {
        check(activity.siteId(), em.find(User.class, activity.ownerId()));
        check(activity.siteId(), em.find(User.class, activity.actorId()));
    }

    void onWritten(@Observes PostWritten written) {
        jobs.enqueue(written.siteId(), written.editorNumber());
    }

    void onReviewed(@Observes TaskReviewed reviewed) {
        jobs.enqueue(reviewed.siteId(), reviewed.reviewerNumber());
    }

    void onVisit(@Observes UserVisited visit) {
        jobs.enqueue(visit.siteId(), visit.userNumber());
    }

    void onProfile(@Observes ProfileSaved saved) {
        jobs.enqueue(saved.siteId(), saved.userNumber());
    }

    /** Only a question that has just passed 1,000, 2,500 or 10,000 views queues its asker: one row read per flush. */
    void onViews(@Observes QuestionViewsAdded added) {
        List<Object[]> rows = em.createQuery(
                        "select q.viewCount, o.number from Question q join q.owner o"
                                + " where q.site.id = :site and q.number = :number",
                        Object[].class)
                .setParameter("site", added.siteId())
                .setParameter("number", added.questionNumber())
                .getResultList();
        for (Object[] row : rows) {
            long after = ((Number) row[0]).longValue();
            if (BadgeRules.passesViewMilestone(after - added.views(), after)) {
                jobs.enqueue(added.siteId(), ((Number) row[1]).longValue());
            }
        }
    }

    private void check(long siteId, User user) {
        if (user != null) {
            jobs.enqueue(siteId, user.getNumber());
        }
    }
}
