package org.parley.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hibernate.Length;
import org.parley.post.Post;
import org.parley.post.PostWritten;
import org.parley.post.Question;
import org.parley.user.User;

/**
 * An edit suggested by a user who may not edit the post freely: the post as they would have it, waiting for review.
 * Approved, it is applied as their revision; rejected, it is kept with its outcome.
 */
@Entity
@Table(name = "suggested_edit")
public class SuggestedEdit {

    /** Where a suggestion stands. */
    public enum State {
        PENDING,
        APPROVED,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "suggested_edit_id")
    @SequenceGenerator(name = "suggested_edit_id", sequenceName = "suggested_edit_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id", nullable = false)
    private Post post;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "proposer_id", nullable = false)
    private User proposer;

    @Column(name = "title", length = Question.MAX_TITLE)
    private String title;

    @Column(name = "body_markdown", nullable = false, length = Length.LONG32)
    private String bodyMarkdown;

    /** The tags as {@code |a|b|}; null for an answer. */
    @Column(name = "tag_names", length = 250)
    private String tagNames;

    @Column(name = "summary", length = 300)
    private String summary;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 10)
    private State state = State.PENDING;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected SuggestedEdit() {}

    SuggestedEdit(Post post, User proposer, PostWritten.Content content, String summary, Instant createdAt) {
        this.post = Objects.requireNonNull(post, "post");
        this.proposer = Objects.requireNonNull(proposer, "proposer");
        this.title = content.title();
        this.bodyMarkdown = content.bodyMarkdown();
        this.tagNames = content.tags() == null ? null : "|" + String.join("|", content.tags()) + "|";
        this.summary = summary;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    void decide(State outcome, Instant at) {
        if (state == State.PENDING) {
            state = outcome;
            decidedAt = at;
        }
    }

    /** The post as the suggestion would have it. */
    public PostWritten.Content content() {
        List<String> tags = tagNames == null ? null : Question.splitTagNames(tagNames);
        return new PostWritten.Content(title, bodyMarkdown, tags);
    }

    public Long getId() {
        return id;
    }

    public Post getPost() {
        return post;
    }

    public User getProposer() {
        return proposer;
    }

    public String getSummary() {
        return summary;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public State getState() {
        return state;
    }
}
