package org.parley.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.parley.user.User;

/** One reviewer's action on a task (a skip included: it keeps the task from coming back to them). */
@Entity
@Table(
        name = "review",
        indexes = {
            @Index(name = "idx_review_task", columnList = "task_id"),
            @Index(name = "idx_review_reviewer", columnList = "reviewer_id, queue, created_at")
        })
public class Review {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_id")
    @SequenceGenerator(name = "review_id", sequenceName = "review_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false)
    private ReviewTask task;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reviewer_id", nullable = false)
    private User reviewer;

    /** The task's queue, kept here for the reviewer's daily count. */
    @Enumerated(EnumType.STRING)
    @Column(name = "queue", nullable = false, length = 20)
    private ReviewQueue queue;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 20)
    private ReviewAction action;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** For a review of an audit: whether it passed (false: failed); null for real tasks and skipped audits. */
    @Column(name = "audit_passed")
    private Boolean auditPassed;

    protected Review() {}

    /** A review of an audit task, passed, failed or (null) neither. */
    Review(ReviewTask audit, User reviewer, ReviewAction action, Instant createdAt, Boolean passed) {
        this(audit, reviewer, action, createdAt);
        this.auditPassed = passed;
    }

    Review(ReviewTask task, User reviewer, ReviewAction action, Instant createdAt) {
        this.task = Objects.requireNonNull(task, "task");
        this.reviewer = Objects.requireNonNull(reviewer, "reviewer");
        this.queue = task.getQueue();
        this.action = Objects.requireNonNull(action, "action");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public ReviewTask getTask() {
        return task;
    }

    public User getReviewer() {
        return reviewer;
    }

    public ReviewAction getAction() {
        return action;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Boolean getAuditPassed() {
        return auditPassed;
    }
}
