package org.parley.review.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.parley.review.ReviewService;
import org.parley.site.Privilege;
import org.parley.user.security.Viewer;

/**
 * The top bar's review link ({@code #{reviewBadge}}): shown to users who may review some queue, with the tasks waiting
 * for them; nobody else pays for a query.
 */
@Named
@RequestScoped
public class ReviewBadge {

    @Inject
    private ReviewService reviews;

    @Inject
    private Viewer viewer;

    private Long waiting;

    /** Whether the viewer may review any queue (the lowest queue's privilege, moderators included). */
    public boolean isReviewer() {
        return viewer.isLoggedIn() && viewer.has(Privilege.REVIEW_FIRST_POSTS);
    }

    public int getDailyLimit() {
        return org.parley.review.ReviewQueue.DAILY_LIMIT;
    }

    public long getWaiting() {
        if (waiting == null) {
            waiting = isReviewer() ? reviews.waitingFor(viewer.actor()) : 0L;
        }
        return waiting;
    }
}
