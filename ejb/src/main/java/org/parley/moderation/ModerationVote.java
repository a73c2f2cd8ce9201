package org.parley.moderation;

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
import java.time.Instant;
import java.util.Objects;
import org.parley.post.Post;
import org.parley.user.User;

/**
 * One user's vote to close, reopen, delete or undelete a post. Votes of one kind on one post gather until enough of
 * them (or a binding one) carry it out; then they are settled ({@link #settledAt}) and a later round starts afresh.
 */
@Entity
@Table(
        name = "moderation_vote",
        indexes = {
            @Index(name = "idx_moderation_vote_post", columnList = "post_id, kind, settled_at"),
            @Index(name = "idx_moderation_vote_voter", columnList = "voter_id, cast_at")
        })
@NamedQuery(
        name = "ModerationVote.pending",
        query = "select v from ModerationVote v join fetch v.voter where v.post = :post and v.kind = :kind"
                + " and v.settledAt is null order by v.castAt, v.id")
@NamedQuery(
        name = "ModerationVote.pendingByPosts",
        query = "select v.post.number, v.kind, v.voter.id from ModerationVote v where v.post.id in :posts"
                + " and v.settledAt is null")
public class ModerationVote {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "moderation_vote_id")
    @SequenceGenerator(name = "moderation_vote_id", sequenceName = "moderation_vote_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id", nullable = false)
    private Post post;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "voter_id", nullable = false)
    private User voter;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 10)
    private VoteKind kind;

    /** A close vote's reason ({@link CloseReason#code()}); null for other kinds. */
    @Column(name = "reason")
    private Integer reason;

    /** A duplicate close vote's original question (its number on the site); null otherwise. */
    @Column(name = "duplicate_of")
    private Long duplicateOf;

    /** An off-topic close vote's explanation; null otherwise. */
    @Column(name = "note", length = CloseReason.MAX_NOTE)
    private String note;

    @Column(name = "cast_at", nullable = false)
    private Instant castAt;

    /** When the vote's round was carried out (or made moot); null while it counts. */
    @Column(name = "settled_at")
    private Instant settledAt;

    protected ModerationVote() {}

    ModerationVote(
            Post post, User voter, VoteKind kind, CloseReason reason, Long duplicateOf, String note, Instant castAt) {
        this.post = Objects.requireNonNull(post, "post");
        this.voter = Objects.requireNonNull(voter, "voter");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.reason = reason == null ? null : reason.code();
        this.duplicateOf = duplicateOf;
        this.note = note;
        this.castAt = Objects.requireNonNull(castAt, "castAt");
    }

    void settle(Instant at) {
        if (settledAt == null) {
            settledAt = at;
        }
    }

    public User getVoter() {
        return voter;
    }

    public VoteKind getKind() {
        return kind;
    }

    public CloseReason getReason() {
        return CloseReason.ofCode(reason).orElse(null);
    }

    public Long getDuplicateOf() {
        return duplicateOf;
    }

    public String getNote() {
        return note;
    }

    public Instant getCastAt() {
        return castAt;
    }
}
