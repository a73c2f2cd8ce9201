package org.parley.post;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import org.parley.user.User;

/**
 * Reputation that a deleted post's votes and accept had earned (or cost), taken from one user when the post was
 * deleted and given back when it is undeleted. It keeps the change as it was applied, after a reputation that cannot
 * drop below 1 stopped it, so that an undeletion gives back exactly what the deletion took.
 */
@Entity
@Table(name = "held_reputation", indexes = @Index(name = "idx_held_reputation_post", columnList = "post_id"))
@NamedQuery(
        name = "HeldReputation.listByPost",
        query = "select h from HeldReputation h join fetch h.user where h.post = :post order by h.id")
public class HeldReputation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "held_reputation_id")
    @SequenceGenerator(name = "held_reputation_id", sequenceName = "held_reputation_id_seq", allocationSize = 50)
    private Long id;

    /** The deleted post whose deletion took it. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id", nullable = false)
    private Post post;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private User user;

    /** The change the deletion made to the user's reputation (negative for a loss); undeleting applies its negation. */
    @Column(name = "amount", nullable = false)
    private int amount;

    /** Whether it is an accept's reputation (the answerer's and the asker's), which moving the accept ends. */
    @Column(name = "accept", nullable = false)
    private boolean accept;

    @Column(name = "held_at", nullable = false)
    private Instant heldAt;

    protected HeldReputation() {}

    HeldReputation(Post post, User user, int amount, boolean accept, Instant heldAt) {
        this.post = Objects.requireNonNull(post, "post");
        this.user = Objects.requireNonNull(user, "user");
        this.amount = amount;
        this.accept = accept;
        this.heldAt = Objects.requireNonNull(heldAt, "heldAt");
    }

    public Post getPost() {
        return post;
    }

    public User getUser() {
        return user;
    }

    public int getAmount() {
        return amount;
    }

    public boolean isAccept() {
        return accept;
    }
}
