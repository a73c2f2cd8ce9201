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
import org.parley.site.Site;
import org.parley.user.User;

/**
 * The thread of private messages between two users of one site. The pair is stored in id order ({@code userLow} has
 * the smaller id), so the unique key finds the one conversation of a pair whoever writes first.
 */
@Entity
@Table(
        name = "message_conversation",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_conversation_pair",
                        columnNames = {"site_id", "user_low_id", "user_high_id"}))
@NamedQuery(
        name = "Conversation.findByPair",
        query =
                "select c from Conversation c where c.site.id = :site and c.userLow.id = :low and c.userHigh.id = :high")
public class Conversation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "conversation_id")
    @SequenceGenerator(name = "conversation_id", sequenceName = "message_conversation_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id", nullable = false)
    private Site site;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_low_id", nullable = false)
    private User userLow;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_high_id", nullable = false)
    private User userHigh;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_message_at", nullable = false)
    private Instant lastMessageAt;

    protected Conversation() {}

    /** The conversation of two different users of the same site. */
    public Conversation(User one, User other, Instant now) {
        Objects.requireNonNull(one, "one");
        Objects.requireNonNull(other, "other");
        if (one.isSameAs(other)) {
            throw new IllegalArgumentException("A conversation needs two different users");
        }
        if (one.getSite().getId() != other.getSite().getId()) {
            throw new IllegalArgumentException("Both users must belong to the same site");
        }
        boolean oneFirst = one.getId() < other.getId();
        this.site = one.getSite();
        this.userLow = oneFirst ? one : other;
        this.userHigh = oneFirst ? other : one;
        this.createdAt = Objects.requireNonNull(now, "now");
        this.lastMessageAt = now;
    }

    /** Whether {@code userId} is one of the two participants. */
    public boolean hasParticipant(long userId) {
        return userLow.getId() == userId || userHigh.getId() == userId;
    }

    /** The participant who is not {@code userId}. */
    public User otherThan(long userId) {
        return userLow.getId() == userId ? userHigh : userLow;
    }

    void touched(Instant when) {
        if (when.isAfter(lastMessageAt)) {
            lastMessageAt = when;
        }
    }

    public Long getId() {
        return id;
    }

    public Site getSite() {
        return site;
    }

    public User getUserLow() {
        return userLow;
    }

    public User getUserHigh() {
        return userHigh;
    }

    public Instant getLastMessageAt() {
        return lastMessageAt;
    }
}
