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
        indexes = {
            @Index(name = "idx_vote_voter_post", columnList = "voter_id, post_id"),
            @Index(name = "idx_vote_created", columnList = "created_at")
        })
@NamedQuery(name = "Vote.findByPostAndVoter", query = "select v from Vote v where v.post = :post and v.voter = :voter")
@NamedQuery(
        name = "Vote.mineOnQuestion",
        query = "select v.type from Vote v where v.voter.id = :voter and v.post.site.id = :site"
                + " and v.post.number = :n")
@NamedQuery(
        name = "Vote.mineOnAnswers",
        query = "select a.number, v.type from Answer a, Vote v where v.post = a and v.voter.id = :voter"
                + " and a.question.site.id = :site and a.question.number = :n")
@NamedQuery(
        name = "Vote.listByVoterAndPosts",
        query = "select v from Vote v where v.voter.id = :voter and v.post.id in :posts")
@NamedQuery(
        name = "Vote.countByVoterSince",
        query = "select count(v) from Vote v where v.voter = :voter and v.createdAt >= :since")
@NamedQuery(
        name = "Vote.serialGroups",
        query = "select u.id, p.owner.id, v.type from Vote v join v.post p join v.voter u"
                + " where p.site.id = :site and v.createdAt >= :from and v.createdAt < :to and p.owner is not null"
                + " and u.role = org.parley.common.Role.USER" + Vote.ON_LIVE_POST
                + " group by u.id, p.owner.id, v.type having count(v) > :limit")
@NamedQuery(
        name = "Vote.postIdsByVoterOwnerTypeBetween",
        query = "select p.id from Vote v join v.post p where v.voter.id = :voter and p.owner.id = :owner"
                + " and v.type = :type and v.createdAt >= :from and v.createdAt < :to" + Vote.ON_LIVE_POST)
@NamedQuery(
        name = "Vote.listByVoterOwnerTypeBetween",
        query = "select v from Vote v join v.post p where v.voter.id = :voter and p.owner.id = :owner"
                + " and v.type = :type and v.createdAt >= :from and v.createdAt < :to" + Vote.ON_LIVE_POST
                + " order by p.id")
public class Vote {

    /**
     * Votes on a post {@code p} that is not deleted, nor an answer of a deleted question: the reputation of the others
     * is held while they are deleted ({@link HeldReputations}), so serial-voting reversal leaves them alone.
     */
    static final String ON_LIVE_POST = " and p.deletedAt is null and not exists (select a.id from Answer a"
            + " where a.id = p.id and a.question.deletedAt is not null)";

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
