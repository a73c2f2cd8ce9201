package org.parley.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Objects;
import org.parley.user.User;

/** {@code blocker} receives no private messages from {@code blocked} (who is told so when trying to send one). */
@Entity
@Table(
        name = "message_block",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_message_block",
                        columnNames = {"blocker_id", "blocked_id"}))
@NamedQuery(
        name = "MessageBlock.find",
        query = "select b from MessageBlock b where b.blocker.id = :blocker and b.blocked.id = :blocked")
public class MessageBlock {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_block_id")
    @SequenceGenerator(name = "message_block_id", sequenceName = "message_block_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "blocker_id", nullable = false)
    private User blocker;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "blocked_id", nullable = false)
    private User blocked;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MessageBlock() {}

    public MessageBlock(User blocker, User blocked, Instant now) {
        this.blocker = Objects.requireNonNull(blocker, "blocker");
        this.blocked = Objects.requireNonNull(blocked, "blocked");
        if (blocker.isSameAs(blocked)) {
            throw new IllegalArgumentException("Nobody blocks themselves");
        }
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    public Long getId() {
        return id;
    }
}
