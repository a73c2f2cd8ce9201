package org.parley.review.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.parley.moderation.CloseReason;
import org.parley.review.QueueStatus;
import org.parley.review.ReviewAction;
import org.parley.review.ReviewItem;
import org.parley.review.ReviewQueue;
import org.parley.review.ReviewService;
import org.parley.rules.NotFoundException;
import org.parley.site.SiteService;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Redirects;

/**
 * The review pages: {@code /review} (every queue with what waits in it for the viewer, or the reputation it takes),
 * {@code /review/{queue}} (the next task, with the queue's actions and Skip) and {@code /review/{queue}/{task}} (a task
 * as it stands after a review: the reviews so far and the outcome once decided). The service decides who may.
 */
@Named
@ViewScoped
public class ReviewView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReviewService reviews;

    @Inject
    private Viewer viewer;

    @Inject
    private SiteService sites;

    @Inject
    private Links links;

    private String queueSlug;
    private String taskParam;
    private ReviewQueue queue;
    private ReviewItem item;
    private List<QueueStatus> queues;
    private String reason;
    private String duplicate;
    private String offTopic;
    /** The end of the viewer's review ban, or null. */
    private java.time.Instant banUntil;

    private List<String> offTopicReasons;

    /** The index: every queue. */
    public void loadIndex() {
        queues = reviews.queues(viewer.actor());
        banUntil = reviews.reviewBan(viewer.actor()).orElse(null);
    }

    /** A queue's next task, or a task by id. */
    public void load() {
        queue = ReviewQueue.ofSlug(queueSlug == null ? "" : queueSlug)
                .orElseThrow(() -> new NotFoundException("No such review queue."));
        if (taskParam != null && !taskParam.isBlank()) {
            item = reviews.task(viewer.actor(), Redirects.parseNumber(taskParam));
            if (item.queue() != queue) {
                throw new NotFoundException("No such review task.");
            }
        } else {
            item = reviews.next(viewer.actor(), queue);
        }
    }

    /** Reviews the task on the page with an action of its queue, then shows the task as it now stands. */
    public void review(String action) throws IOException {
        ReviewAction chosen = ReviewAction.valueOf(action);
        CloseReason closeReason = reason == null || reason.isBlank() ? null : CloseReason.valueOf(reason);
        ReviewItem after = reviews.review(viewer.actor(), item.taskId(), chosen, closeReason, duplicate, offTopic);
        if (chosen == ReviewAction.SKIP) {
            Redirects.withNotice("Skipped.", links.review(queue.slug()));
            return;
        }
        Redirects.withNotice(
                "Reviewed: " + chosen.label() + "." + (after.completed() ? " Outcome: " + after.outcome() + "." : ""),
                links.reviewTask(queue.slug(), after.taskId()));
    }

    public CloseReason[] getReasons() {
        return CloseReason.values();
    }

    /** Whether the viewer reviewed the task on the page already (the page then shows its state, not the actions). */
    public boolean isReviewedByViewer() {
        return item != null
                && viewer.getUser() != null
                && item.reviews().stream()
                        .anyMatch(r -> r.reviewer().number() != null
                                && r.reviewer().number().equals(viewer.getUser().number()));
    }

    public List<QueueStatus> getQueues() {
        return queues;
    }

    /** The end of the viewer's review ban (after failed audits), or null when they may review. */
    public java.time.Instant getBanUntil() {
        return banUntil;
    }

    public int getFailedAuditsForBan() {
        return ReviewService.FAILED_AUDITS_FOR_BAN;
    }

    public long getAuditWindowDays() {
        return ReviewService.AUDIT_WINDOW.toDays();
    }

    public ReviewQueue getQueue() {
        return queue;
    }

    public ReviewItem getItem() {
        return item;
    }

    public String getQueueSlug() {
        return queueSlug;
    }

    public void setQueueSlug(String queueSlug) {
        this.queueSlug = queueSlug;
    }

    public String getTaskParam() {
        return taskParam;
    }

    public void setTaskParam(String taskParam) {
        this.taskParam = taskParam;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    /** The site's off-topic reasons, for a close vote cast in review. */
    public List<String> getOffTopicReasons() {
        if (offTopicReasons == null) {
            offTopicReasons = sites.offTopicReasons(viewer.actor().siteId());
        }
        return offTopicReasons;
    }

    public String getOffTopic() {
        return offTopic;
    }

    public void setOffTopic(String offTopic) {
        this.offTopic = offTopic;
    }

    public String getDuplicate() {
        return duplicate;
    }

    public void setDuplicate(String duplicate) {
        this.duplicate = duplicate;
    }
}
