package org.parley.message;

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hibernate.Length;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.parley.analysis.SearchNames;
import org.parley.site.Site;
import org.parley.user.User;

/**
 * One private message. The row is both the sender's copy (sent folder) and, once {@link MessageState#DELIVERED}, the
 * recipient's inbox entry, so a delivery can never put it in an inbox twice; each side hides it for themselves only.
 * The state is a VARCHAR, not an H2 ENUM (those read back as ordinals after a kill -9). Updates write only the
 * columns that changed, so a flag set here never writes back a state another transaction changed meanwhile.
 *
 * <p>Delivered messages are indexed for search ({@link SearchNames#MESSAGE_INDEX}, id = message id, so indexing
 * again replaces the document): the body as plain text, conversation, sender, recipient, date, and who may find it
 * ({@link #getVisibleTo()}), which follows the two "delete for me" flags. Pending and failed ones are not indexed
 * ({@link DeliveredOnlyBinder}).
 */
@Entity
@DynamicUpdate
@Indexed(index = SearchNames.MESSAGE_INDEX, routingBinder = @RoutingBinderRef(type = DeliveredOnlyBinder.class))
@Table(
        name = "private_message",
        indexes = {
            @Index(name = "idx_pm_recipient", columnList = "recipient_id, state, created_at"),
            @Index(name = "idx_pm_sender", columnList = "sender_id, created_at"),
            @Index(name = "idx_pm_conversation", columnList = "conversation_id, created_at"),
            @Index(name = "idx_pm_pending", columnList = "state, enqueued_at")
        })
@NamedQuery(
        name = "PrivateMessage.inbox",
        query = "select m from PrivateMessage m join fetch m.sender where m.recipient.id = :user"
                + " and m.state = org.parley.message.MessageState.DELIVERED and m.deletedByRecipient = false"
                + " order by m.createdAt desc, m.id desc")
@NamedQuery(
        name = "PrivateMessage.conversations",
        query = "select m.conversation.id, max(m.createdAt), count(m) from PrivateMessage m where "
                + PrivateMessage.VISIBLE
                + " group by m.conversation.id order by max(m.createdAt) desc, m.conversation.id desc")
@NamedQuery(
        name = "PrivateMessage.countConversations",
        query = "select count(distinct m.conversation.id) from PrivateMessage m where " + PrivateMessage.VISIBLE)
@NamedQuery(
        name = "PrivateMessage.latestInConversations",
        query = "select m from PrivateMessage m join fetch m.sender join fetch m.recipient"
                + " where m.conversation.id in :conversations and "
                + PrivateMessage.VISIBLE
                + " and m.createdAt = (select max(x.createdAt) from PrivateMessage x where x.conversation = m.conversation"
                + " and ((x.sender.id = :user and x.deletedBySender = false) or (x.recipient.id = :user"
                + " and x.state = org.parley.message.MessageState.DELIVERED and x.deletedByRecipient = false)))")
@NamedQuery(
        name = "PrivateMessage.unreadByConversation",
        query = "select m.conversation.id, count(m) from PrivateMessage m where m.conversation.id in :conversations"
                + " and m.recipient.id = :user and m.state = org.parley.message.MessageState.DELIVERED"
                + " and m.deletedByRecipient = false and m.readByRecipient = false group by m.conversation.id")
@NamedQuery(
        name = "PrivateMessage.unreadInConversation",
        query = "select m from PrivateMessage m where m.conversation.id = :conversation and m.recipient.id = :user"
                + " and m.state = org.parley.message.MessageState.DELIVERED and m.readByRecipient = false"
                + " order by m.id")
@NamedQuery(
        name = "PrivateMessage.unreadByIds",
        query = "select m from PrivateMessage m where m.id in :ids and m.recipient.id = :user"
                + " and m.state = org.parley.message.MessageState.DELIVERED and m.readByRecipient = false"
                + " order by m.id")
@NamedQuery(
        name = "PrivateMessage.countInbox",
        query = "select count(m) from PrivateMessage m where m.recipient.id = :user"
                + " and m.state = org.parley.message.MessageState.DELIVERED and m.deletedByRecipient = false")
@NamedQuery(
        name = "PrivateMessage.countUnread",
        query = "select count(m) from PrivateMessage m where m.recipient.id = :user"
                + " and m.state = org.parley.message.MessageState.DELIVERED and m.deletedByRecipient = false"
                + " and m.readByRecipient = false")
@NamedQuery(
        name = "PrivateMessage.sent",
        query = "select m from PrivateMessage m join fetch m.recipient where m.sender.id = :user"
                + " and m.deletedBySender = false order by m.createdAt desc, m.id desc")
@NamedQuery(
        name = "PrivateMessage.countSent",
        query = "select count(m) from PrivateMessage m where m.sender.id = :user and m.deletedBySender = false")
@NamedQuery(
        name = "PrivateMessage.countSentByState",
        query = "select m.state, count(m) from PrivateMessage m where m.sender.id = :user group by m.state")
@NamedQuery(
        name = "PrivateMessage.sentSince",
        query = "select m.createdAt from PrivateMessage m where m.sender.id = :user and m.createdAt > :since")
@NamedQuery(
        name = "PrivateMessage.inConversation",
        query = "select m from PrivateMessage m join fetch m.sender where m.conversation.id = :conversation and"
                + " ((m.sender.id = :user and m.deletedBySender = false) or (m.recipient.id = :user"
                + " and m.state = org.parley.message.MessageState.DELIVERED and m.deletedByRecipient = false))"
                + " order by m.createdAt, m.id")
@NamedQuery(
        name = "PrivateMessage.latestInConversation",
        query = "select m from PrivateMessage m where m.conversation.id = :conversation"
                + " and m.state <> org.parley.message.MessageState.FAILED order by m.createdAt desc, m.id desc")
@NamedQuery(
        name = "PrivateMessage.requeue",
        query = "update PrivateMessage m set m.enqueuedAt = :now where m.id in :ids"
                + " and m.state = org.parley.message.MessageState.PENDING")
@NamedQuery(
        name = "PrivateMessage.stalePending",
        query = "select m.id from PrivateMessage m where m.state = org.parley.message.MessageState.PENDING"
                + " and m.enqueuedAt < :before order by m.id")
public class PrivateMessage {

    /** JPQL: message {@code m} is one user {@code :user} can see (sent and kept, or delivered to them and kept). */
    static final String VISIBLE = "((m.sender.id = :user and m.deletedBySender = false) or (m.recipient.id = :user"
            + " and m.state = org.parley.message.MessageState.DELIVERED and m.deletedByRecipient = false))";

    /** The longest body, in characters of Markdown. */
    public static final int MAX_BODY = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "private_message_id")
    @SequenceGenerator(name = "private_message_id", sequenceName = "private_message_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id", nullable = false)
    private Site site;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "conversation_id", nullable = false)
    private Conversation conversation;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "sender_id", nullable = false)
    private User sender;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "recipient_id", nullable = false)
    private User recipient;

    @Column(name = "body_markdown", nullable = false, length = Length.LONG32)
    private String bodyMarkdown;

    /** The body rendered and sanitised once, when sent, by the renderer posts use. */
    @Column(name = "body_html", nullable = false, length = Length.LONG32)
    private String bodyHtml;

    @Column(name = "created_at", nullable = false)
    @GenericField(
            name = SearchNames.MESSAGE_CREATED_AT,
            projectable = Projectable.YES,
            sortable = Sortable.YES,
            aggregable = Aggregable.YES)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, columnDefinition = "varchar(16)")
    private MessageState state;

    /** When the delivery job was last queued; the outbox sweeper queues it again when this grows old. */
    @Column(name = "enqueued_at", nullable = false)
    private Instant enqueuedAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    /** How many deliveries committed: 1 once delivered, whatever Artemis redelivered (the kill test checks it). */
    @Column(name = "deliveries", nullable = false)
    private int deliveries;

    @Column(name = "read_by_recipient", nullable = false)
    private boolean readByRecipient;

    @Column(name = "deleted_by_sender", nullable = false)
    private boolean deletedBySender;

    @Column(name = "deleted_by_recipient", nullable = false)
    private boolean deletedByRecipient;

    /**
     * On a reply, whole seconds since the message it answers: the conversation's latest one before it, when the
     * recipient wrote that one. Null on a first message or a follow-up to one's own. Analytics' "reply time".
     */
    @Column(name = "reply_seconds")
    @GenericField(name = SearchNames.MESSAGE_REPLY_SECONDS, aggregable = Aggregable.YES)
    private Long replySeconds;

    protected PrivateMessage() {}

    /** A pending message; the body must have passed {@link MessageRules#checkBody}. */
    public PrivateMessage(
            Conversation conversation, User sender, User recipient, String bodyMarkdown, String bodyHtml, Instant now) {
        this.conversation = Objects.requireNonNull(conversation, "conversation");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        if (!conversation.hasParticipant(sender.getId()) || !conversation.hasParticipant(recipient.getId())) {
            throw new IllegalArgumentException("Sender and recipient must be the conversation's participants");
        }
        this.site = conversation.getSite();
        this.bodyMarkdown = Objects.requireNonNull(bodyMarkdown, "bodyMarkdown");
        this.bodyHtml = Objects.requireNonNull(bodyHtml, "bodyHtml");
        this.createdAt = Objects.requireNonNull(now, "now");
        this.enqueuedAt = now;
        this.state = MessageState.PENDING;
        conversation.touched(now);
    }

    /**
     * Records what this message answers: {@code previous}, the conversation's latest message before it. It counts as a
     * reply only when the recipient wrote {@code previous}; otherwise (null, or one's own) nothing changes.
     */
    public void follows(PrivateMessage previous) {
        if (previous != null && previous.sender.isSameAs(recipient) && previous.recipient.isSameAs(sender)) {
            replySeconds =
                    Math.max(0, Duration.between(previous.createdAt, createdAt).getSeconds());
        }
    }

    /**
     * Puts the message in the recipient's inbox.
     *
     * @return false, changing nothing, when it is not pending (already delivered, or discarded)
     */
    public boolean deliver(Instant now) {
        if (state != MessageState.PENDING) {
            return false;
        }
        state = MessageState.DELIVERED;
        deliveredAt = now;
        deliveries++;
        return true;
    }

    /** Gives up on a pending message (its job was discarded from the dead-letter queue). */
    public void fail() {
        if (state == MessageState.PENDING) {
            state = MessageState.FAILED;
        }
    }

    /** Records that the delivery job was queued again at {@code now}. */
    public void requeued(Instant now) {
        enqueuedAt = now;
    }

    /** Marks it read when {@code userId} is its recipient and it was delivered; true when that changed it. */
    public boolean markReadBy(long userId) {
        if (recipient.getId() != userId || state != MessageState.DELIVERED || readByRecipient) {
            return false;
        }
        readByRecipient = true;
        return true;
    }

    /** Hides the message from {@code userId}'s folders; the other participant keeps it. */
    public void deleteFor(long userId) {
        if (sender.getId() == userId) {
            deletedBySender = true;
        }
        if (recipient.getId() == userId) {
            deletedByRecipient = true;
        }
    }

    /** Whether search has it: delivered messages only. */
    public boolean isSearchable() {
        return state == MessageState.DELIVERED;
    }

    /** The body as plain text, as search indexes it (the rendered Markdown, so no syntax characters in snippets). */
    @FullTextField(name = SearchNames.MESSAGE_BODY, analyzer = SearchNames.TEXT_ANALYZER)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "bodyHtml")))
    public String getBodyText() {
        return MessageRules.plainText(bodyHtml);
    }

    /** The ids of the users who may find it by search: each participant who can see it ({@link #isVisibleTo}). */
    @GenericField(name = SearchNames.MESSAGE_VISIBLE_TO)
    @IndexingDependency(
            derivedFrom = {
                @ObjectPath(@PropertyValue(propertyName = "state")),
                @ObjectPath(@PropertyValue(propertyName = "deletedBySender")),
                @ObjectPath(@PropertyValue(propertyName = "deletedByRecipient")),
                @ObjectPath(@PropertyValue(propertyName = "sender")),
                @ObjectPath(@PropertyValue(propertyName = "recipient"))
            })
    public List<Long> getVisibleTo() {
        List<Long> ids = new ArrayList<>(2);
        for (User u : List.of(sender, recipient)) {
            if (isVisibleTo(u.getId())) {
                ids.add(u.getId());
            }
        }
        return ids;
    }

    @GenericField(name = SearchNames.MESSAGE_CONVERSATION, projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "conversation")))
    public long getConversationId() {
        return conversation.getId();
    }

    @GenericField(name = SearchNames.MESSAGE_SENDER, projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "sender")))
    public long getSenderId() {
        return sender.getId();
    }

    @GenericField(name = SearchNames.MESSAGE_RECIPIENT, projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "recipient")))
    public long getRecipientId() {
        return recipient.getId();
    }

    @GenericField(name = SearchNames.MESSAGE_SITE, aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "site")))
    public long getSiteId() {
        return site.getId();
    }

    /** Sender and recipient ids, for "top correspondents" in one aggregation. */
    @GenericField(name = SearchNames.MESSAGE_PARTICIPANTS, aggregable = Aggregable.YES)
    @IndexingDependency(
            derivedFrom = {
                @ObjectPath(@PropertyValue(propertyName = "sender")),
                @ObjectPath(@PropertyValue(propertyName = "recipient"))
            })
    public List<Long> getParticipants() {
        return List.of(sender.getId(), recipient.getId());
    }

    /** ISO day of the week it was sent (1 = Monday), UTC. */
    @GenericField(name = SearchNames.MESSAGE_WEEKDAY, aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "createdAt")))
    public int getWeekday() {
        return createdAt.atZone(ZoneOffset.UTC).getDayOfWeek().getValue();
    }

    public Long getReplySeconds() {
        return replySeconds;
    }

    public boolean isVisibleTo(long userId) {
        return (sender.getId() == userId && !deletedBySender)
                || (recipient.getId() == userId && state == MessageState.DELIVERED && !deletedByRecipient);
    }

    public Long getId() {
        return id;
    }

    public Site getSite() {
        return site;
    }

    public Conversation getConversation() {
        return conversation;
    }

    public User getSender() {
        return sender;
    }

    public User getRecipient() {
        return recipient;
    }

    public String getBodyMarkdown() {
        return bodyMarkdown;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public MessageState getState() {
        return state;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public int getDeliveries() {
        return deliveries;
    }

    public boolean isReadByRecipient() {
        return readByRecipient;
    }
}
