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
import org.parley.post.Post;
import org.parley.user.User;

/**
 * One item of a review queue: a post (and, for a suggested edit, the edit) waiting for reviews; or an audit, a test
 * for one reviewer with a post known to be good or bad, which only they see and which changes nothing.
 */
@Entity
@Table(
        name = "review_task",
        indexes = {
            @Index(name = "idx_review_task_open", columnList = "site_id, queue, completed_at, created_at"),
            @Index(name = "idx_review_task_post", columnList = "post_id, queue, completed_at")
        })
public class ReviewTask {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_task_id")
    @SequenceGenerator(name = "review_task_id", sequenceName = "review_task_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    @Enumerated(EnumType.STRING)
    @Column(name = "queue", nullable = false, length = 20)
    private ReviewQueue queue;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id", nullable = false)
    private Post post;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "suggested_edit_id")
    private SuggestedEdit suggestedEdit;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When the task was decided; null while it waits for reviews. */
    @Column(name = "completed_at")
    private Instant completedAt;

    /** How it ended, in words: "Approved", "Closed", "Left open", "Looks OK", "Deleted", "Closed elsewhere". */
    @Column(name = "outcome", length = 60)
    private String outcome;

    /** For an audit: what the post is known to be; null for a real task. */
    @Enumerated(EnumType.STRING)
    @Column(name = "audit", length = 4)
    private Audit audit;

    /** For an audit: the reviewer it tests; null for a real task. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "audit_reviewer_id")
    private User auditFor;

    protected ReviewTask() {}

    /** An audit of {@code reviewer} with {@code post}, known to be {@code audit}. */
    ReviewTask(ReviewQueue queue, Post post, Audit audit, User reviewer, Instant createdAt) {
        this(queue, post, null, createdAt);
        this.audit = Objects.requireNonNull(audit, "audit");
        this.auditFor = Objects.requireNonNull(reviewer, "reviewer");
    }

    ReviewTask(ReviewQueue queue, Post post, SuggestedEdit suggestedEdit, Instant createdAt) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.post = Objects.requireNonNull(post, "post");
        this.siteId = post.getSite().getId();
        this.suggestedEdit = suggestedEdit;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    void complete(String outcome, Instant at) {
        if (completedAt == null) {
            this.outcome = outcome;
            this.completedAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public long getSiteId() {
        return siteId;
    }

    public ReviewQueue getQueue() {
        return queue;
    }

    public Post getPost() {
        return post;
    }

    public SuggestedEdit getSuggestedEdit() {
        return suggestedEdit;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public boolean isCompleted() {
        return completedAt != null;
    }

    public String getOutcome() {
        return outcome;
    }

    /** What an audit's post is known to be; null for a real task. */
    public Audit getAudit() {
        return audit;
    }

    /** The reviewer an audit tests; null for a real task. */
    public User getAuditFor() {
        return auditFor;
    }
}
