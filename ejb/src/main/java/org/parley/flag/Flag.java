package org.parley.flag;

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

/** One user's flag on a post, or on one of its comments ({@link #commentId} set). */
@Entity
@Table(
        name = "post_flag",
        indexes = {
            @Index(name = "idx_post_flag_site_pending", columnList = "site_id, outcome, created_at"),
            @Index(name = "idx_post_flag_post", columnList = "post_id, comment_id"),
            @Index(name = "idx_post_flag_flagger", columnList = "flagger_id, outcome")
        })
public class Flag {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_flag_id")
    @SequenceGenerator(name = "post_flag_id", sequenceName = "post_flag_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    /** The flagged post, or the post the flagged comment is on. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id", nullable = false)
    private Post post;

    /** The flagged comment's id; null for a flag on the post itself. */
    @Column(name = "comment_id")
    private Long commentId;

    /** The comment's text when it was flagged (a moderator may delete the comment). */
    @Column(name = "comment_text", length = 600)
    private String commentText;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "flagger_id", nullable = false)
    private User flagger;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private FlagKind kind;

    @Column(name = "flag_text", length = FlagKind.MAX_TEXT)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Null while pending. */
    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 10)
    private FlagOutcome outcome;

    @Column(name = "handled_at")
    private Instant handledAt;

    /** The moderator who handled it; null while pending, or when six flags hid the post. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "handled_by_id")
    private User handledBy;

    protected Flag() {}

    Flag(Post post, Long commentId, String commentText, User flagger, FlagKind kind, String text, Instant createdAt) {
        this.post = Objects.requireNonNull(post, "post");
        this.siteId = post.getSite().getId();
        this.commentId = commentId;
        this.commentText = commentText;
        this.flagger = Objects.requireNonNull(flagger, "flagger");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.text = text;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    void handle(FlagOutcome outcome, User by, Instant at) {
        if (this.outcome == null) {
            this.outcome = outcome;
            this.handledBy = by;
            this.handledAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public Post getPost() {
        return post;
    }

    public Long getCommentId() {
        return commentId;
    }

    public String getCommentText() {
        return commentText;
    }

    public User getFlagger() {
        return flagger;
    }

    public FlagKind getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public FlagOutcome getOutcome() {
        return outcome;
    }
}
