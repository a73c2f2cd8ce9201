package org.parley.post;

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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Objects;
import org.parley.user.User;

/** One user's vote on one post; made, changed and removed only through {@link Post#vote}. */
@Entity
@Table(
        name = "vote",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_vote_post_voter",
                        columnNames = {"post_id", "voter_id"}),
        indexes = @Index(name = "idx_vote_voter_post", columnList = "voter_id, post_id"))
@NamedQuery(name = "Vote.findByPostAndVoter", query = "select v from Vote v where v.post = :post and v.voter = :voter")
@NamedQuery(
        name = "Vote.listByVoterAndPosts",
        query = "select v from Vote v where v.voter.id = :voter and v.post.id in :posts")
public class Vote {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "vote_id")
    @SequenceGenerator(name = "vote_id", sequenceName = "vote_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id", nullable = false)
    private Post post;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "voter_id", nullable = false)
    private User voter;

    @Enumerated(EnumType.STRING)
    @Column(name = "vote_type", nullable = false, length = 4)
    private VoteType type;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Vote() {}

    Vote(Post post, User voter, VoteType type, Instant createdAt) {
        this.post = Objects.requireNonNull(post, "post");
        this.voter = Objects.requireNonNull(voter, "voter");
        this.type = Objects.requireNonNull(type, "type");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    void change(VoteType newType) {
        type = Objects.requireNonNull(newType, "newType");
    }

    public Long getId() {
        return id;
    }

    public Post getPost() {
        return post;
    }

    public User getVoter() {
        return voter;
    }

    public VoteType getType() {
        return type;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
