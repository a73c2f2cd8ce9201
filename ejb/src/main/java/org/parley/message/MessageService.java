package org.parley.message;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.common.Actor;
import org.parley.common.Page;
import org.parley.common.Paging;
import org.parley.image.ImageProxy;
import org.parley.markdown.MarkdownRenderer;
import org.parley.rules.FieldChecks;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.submission.OncePerSubmission;
import org.parley.user.User;
import org.parley.user.UserRepository;

/**
 * Private messages as their users see them: sending (stored pending, its delivery job queued in the same
 * transaction), the inbox and sent folders, conversations, deleting for oneself and blocking. Every method takes the
 * acting user and refuses anonymous callers.
 */
@Stateless
public class MessageService {

    public static final int PAGE_SIZE = 20;
    static final String LOG_IN = "Log in to use private messages.";

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private UserRepository users;

    @Inject
    private MarkdownRenderer markdown;

    @Inject
    private ImageProxy images;

    @Inject
    private MessageJobs jobs;

    @Inject
    private RecentMessages recent;

    @Inject
    private Mailboxes mailboxes;

    @Inject
    private Event<MessagesRead> read;

    /**
     * Sends a message to the user named {@code to} (a username) on the sender's site. It is stored pending and its
     * delivery job queued, both in this transaction; the recipient sees it once a worker delivered it.
     *
     * @throws NotAllowedException when {@code sender} is anonymous, or the recipient blocked the sender (HTTP 403)
     * @throws NotFoundException when no such user exists on the site (HTTP 404)
     * @throws InvalidInputException for no recipient, oneself, or an empty or too long body (HTTP 400)
     * @throws SendingLimitException when the sender reached the per-minute limit (HTTP 429)
     */
    @Interceptors(OncePerSubmission.class)
    public SentMessage send(Actor sender, String to, String body) {
        User from = users.acting(sender, LOG_IN);
        // Both fields checked first, so that a form shows both problems at once.
        FieldChecks checks = new FieldChecks();
        checks.field("to", () -> {
            if (to == null || to.isBlank()) {
                throw new InvalidInputException("Say who the message is for.");
            }
            return to;
        });
        checks.field("body", () -> MessageRules.checkBody(body));
        checks.done();
        User recipient = findUser(sender.siteId(), to);
        return send(from, recipient, body);
    }

    /**
     * Replies in a conversation: a message to its other participant.
     *
     * @throws NotFoundException when the conversation does not exist or the sender is not in it
     * @see #send(Actor, String, String) for the other refusals
     */
    public SentMessage reply(Actor sender, long conversationId, String body) {
        User from = users.acting(sender, LOG_IN);
        Conversation conversation = conversationOf(sender, conversationId);
        return send(from, conversation.otherThan(from.getId()), body);
    }

    private SentMessage send(User from, User recipient, String body) {
        if (from.isSameAs(recipient)) {
            throw new InvalidInputException("to", "You cannot send a message to yourself.");
        }
        FieldChecks checks = new FieldChecks();
        String checked = checks.field("body", () -> MessageRules.checkBody(body));
        checks.done();
        if (isBlocked(recipient.getId(), from.getId())) {
            throw new NotAllowedException(recipient.getDisplayName() + " does not accept messages from you.");
        }
        // The sender's row lock serialises their sends, so concurrent requests cannot slip past the limit together.
        em.lock(from, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        int perMinute = MessageRules.perMinute();
        List<Instant> sent = em.createNamedQuery("PrivateMessage.sentSince", Instant.class)
                .setParameter("user", from.getId())
                .setParameter("since", now.minus(MessageRules.WINDOW))
                .getResultList();
        long wait = MessageRules.retryAfterSeconds(sent, now, perMinute);
        if (wait > 0) {
            throw new SendingLimitException(perMinute, wait);
        }
        Conversation conversation = conversationBetween(from, recipient, now);
        PrivateMessage previous = latestIn(conversation);
        PrivateMessage message =
                new PrivateMessage(conversation, from, recipient, checked, markdown.toSafeHtml(checked), now);
        message.follows(previous);
        em.persist(message);
        em.flush();
        jobs.enqueue(message.getId());
        mailboxes.outboxChanged(from.getSite().getId(), from.getId(), conversation.getId());
        return new SentMessage(message.getId(), conversation.getId(), message.getState());
    }

    /** The conversation's latest message that was not given up on, or null (a new conversation). */
    private PrivateMessage latestIn(Conversation conversation) {
        if (conversation.getId() == null) {
            return null;
        }
        return em.createNamedQuery("PrivateMessage.latestInConversation", PrivateMessage.class)
                .setParameter("conversation", conversation.getId())
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /**
     * Usernames on the actor's site starting with {@code prefix} (at most {@code max}), for the compose form's
     * auto-completion; never the actor themselves or deleted users.
     */
    public List<String> completeNames(Actor actor, String prefix, int max) {
        if (actor == null || prefix == null || prefix.isBlank()) {
            return List.of();
        }
        String normalized = User.normalizeUsername(prefix)
                .replace("\\", "")
                .replace("%", "")
                .replace("_", "\\_");
        return em.createQuery(
                        "select u.username from User u where u.site.id = :site and u.deleted = false and u.id <> :me"
                                + " and u.username like :prefix escape '\\' order by u.username",
                        String.class)
                .setParameter("site", actor.siteId())
                .setParameter("me", actor.userId())
                .setParameter("prefix", normalized + "%")
                .setMaxResults(Math.max(1, Math.min(max, 20)))
                .getResultList();
    }

    /**
     * The actor's conversations, the one with the latest message first, {@value #PAGE_SIZE} a page (pages count from
     * 1): one row each, with its latest message the actor can see (sent or received), how many received messages are
     * unread, and the other participant. A conversation where the actor deleted every message for themselves is left
     * out. Four queries whatever the page size.
     */
    public Page<ConversationSummary> conversations(Actor actor, int page) {
        User me = users.acting(actor, LOG_IN);
        int p = Paging.page(page);
        long total = em.createNamedQuery("PrivateMessage.countConversations", Long.class)
                .setParameter("user", me.getId())
                .getSingleResult();
        Map<Long, Long> counts = new LinkedHashMap<>();
        for (Object[] row : em.createNamedQuery("PrivateMessage.conversations", Object[].class)
                .setParameter("user", me.getId())
                .setFirstResult(Page.firstResult(p, PAGE_SIZE))
                .setMaxResults(PAGE_SIZE)
                .getResultList()) {
            counts.put((Long) row[0], (Long) row[2]);
        }
        if (counts.isEmpty()) {
            return new Page<>(List.of(), p, PAGE_SIZE, total);
        }
        Map<Long, PrivateMessage> latest = new HashMap<>();
        for (PrivateMessage m : em.createNamedQuery("PrivateMessage.latestInConversations", PrivateMessage.class)
                .setParameter("conversations", counts.keySet())
                .setParameter("user", me.getId())
                .getResultList()) {
            latest.merge(m.getConversation().getId(), m, ConversationInbox::newer);
        }
        Map<Long, Long> unread = new HashMap<>();
        for (Object[] row : em.createNamedQuery("PrivateMessage.unreadByConversation", Object[].class)
                .setParameter("conversations", counts.keySet())
                .setParameter("user", me.getId())
                .getResultList()) {
            unread.put((Long) row[0], (Long) row[1]);
        }
        return new Page<>(ConversationInbox.rows(me.getId(), counts, latest, unread), p, PAGE_SIZE, total);
    }

    /** The actor's received messages one by one, newest first, {@value #PAGE_SIZE} a page (pages count from 1). */
    public Page<MessageSummary> inbox(Actor actor, int page) {
        User me = users.acting(actor, LOG_IN);
        return folder(me, page, "PrivateMessage.inbox", "PrivateMessage.countInbox", true);
    }

    /** The actor's sent messages, newest first, delivered or not. */
    public Page<MessageSummary> sent(Actor actor, int page) {
        User me = users.acting(actor, LOG_IN);
        return folder(me, page, "PrivateMessage.sent", "PrivateMessage.countSent", false);
    }

    private Page<MessageSummary> folder(User me, int page, String query, String count, boolean inbox) {
        int p = Paging.page(page);
        long total = em.createNamedQuery(count, Long.class)
                .setParameter("user", me.getId())
                .getSingleResult();
        List<MessageSummary> items = em
                .createNamedQuery(query, PrivateMessage.class)
                .setParameter("user", me.getId())
                .setFirstResult(Page.firstResult(p, PAGE_SIZE))
                .setMaxResults(PAGE_SIZE)
                .getResultList()
                .stream()
                .map(m -> new MessageSummary(
                        m.getId(),
                        m.getConversation().getId(),
                        (inbox ? m.getSender() : m.getRecipient()).ref(),
                        MessageRules.excerpt(m.getBodyHtml()),
                        m.getCreatedAt(),
                        inbox && !m.isReadByRecipient(),
                        m.getState()))
                .toList();
        return new Page<>(items, p, PAGE_SIZE, total);
    }

    /**
     * A conversation with every message the actor may see, oldest first; marks the ones they received as read.
     *
     * @throws NotFoundException when it does not exist, or the actor is not one of its two participants
     */
    public ConversationDetail conversation(Actor actor, long conversationId) {
        User me = users.acting(actor, LOG_IN);
        Conversation conversation = conversationOf(actor, conversationId);
        markConversationRead(me, conversationId);
        User other = conversation.otherThan(me.getId());
        List<MessageItem> messages = em
                .createNamedQuery("PrivateMessage.inConversation", PrivateMessage.class)
                .setParameter("conversation", conversationId)
                .setParameter("user", me.getId())
                .getResultList()
                .stream()
                .map(m -> new MessageItem(
                        m.getId(),
                        m.getSender().ref(),
                        m.getSender().getId() == me.getId(),
                        RemoteImages.placeholders(m.getBodyHtml(), images),
                        m.getCreatedAt(),
                        m.getState()))
                .toList();
        return new ConversationDetail(
                conversationId,
                other.ref(),
                other.getUsername(),
                messages,
                isBlocked(me.getId(), other.getId()),
                isBlocked(other.getId(), me.getId()));
    }

    /**
     * Marks as read the messages with these ids that the actor received (others, and ones already read, are left as
     * they are), as reading their notifications does. Their notifications are marked read in this transaction
     * ({@link MessagesRead}) and the actor's open pages are told ({@link MailboxChanged}).
     *
     * @return how many messages this marked read
     * @throws NotAllowedException when {@code actor} is anonymous
     */
    public int markRead(Actor actor, Collection<Long> messageIds) {
        User me = users.acting(actor, LOG_IN);
        if (messageIds == null || messageIds.isEmpty()) {
            return 0;
        }
        Map<Long, List<PrivateMessage>> byConversation = new LinkedHashMap<>();
        for (PrivateMessage m : em.createNamedQuery("PrivateMessage.unreadByIds", PrivateMessage.class)
                .setParameter("ids", messageIds)
                .setParameter("user", me.getId())
                .getResultList()) {
            byConversation
                    .computeIfAbsent(m.getConversation().getId(), c -> new ArrayList<>())
                    .add(m);
        }
        int marked = 0;
        for (Map.Entry<Long, List<PrivateMessage>> e : byConversation.entrySet()) {
            marked += markRead(me, e.getKey(), e.getValue(), false);
        }
        return marked;
    }

    /**
     * Marks every message the actor received in the conversation read, as opening it does (for a notification that
     * names only the conversation). Not the actor's conversation, or nothing unread: nothing changes.
     *
     * @throws NotAllowedException when {@code actor} is anonymous
     */
    public void markConversationRead(Actor actor, long conversationId) {
        User me = users.acting(actor, LOG_IN);
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (conversation != null && conversation.hasParticipant(me.getId())) {
            markConversationRead(me, conversationId);
        }
    }

    /** Marks every unread message {@code me} received in the conversation read; true when there was one. */
    private boolean markConversationRead(User me, long conversationId) {
        List<PrivateMessage> unread = em.createNamedQuery("PrivateMessage.unreadInConversation", PrivateMessage.class)
                .setParameter("conversation", conversationId)
                .setParameter("user", me.getId())
                .getResultList();
        return markRead(me, conversationId, unread, true) > 0;
    }

    /** Marks these messages of one conversation read for {@code me}, then tells the notifications and open pages. */
    private int markRead(User me, long conversationId, List<PrivateMessage> messages, boolean wholeConversation) {
        long siteId = me.getSite().getId();
        long userId = me.getId();
        List<Long> ids = new ArrayList<>();
        for (PrivateMessage m : messages) {
            if (m.markReadBy(userId)) {
                ids.add(m.getId());
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        em.flush(); // the read marks, before the notifications' bulk update reads them
        read.fire(new MessagesRead(siteId, userId, conversationId, ids, wholeConversation));
        mailboxes.inboxChanged(siteId, userId, conversationId);
        return ids.size();
    }

    /** How many delivered messages the actor has not opened; 0 for anonymous callers. Read from the shared cache. */
    public long unreadCount(Actor actor) {
        return actor == null ? 0 : recent.unread(actor.siteId(), actor.userId());
    }

    /**
     * The actor's unread count and mailbox stamp, both from the shared cache (no SQL on a hit): what pages compare to
     * know whether the actor's messages changed.
     *
     * @throws NotAllowedException when {@code actor} is anonymous
     */
    public MailboxState mailbox(Actor actor) {
        if (actor == null) {
            throw new NotAllowedException(LOG_IN);
        }
        // The stamp first: a change after it is read shows as a stamp that differs, never as a lost change.
        String stamp = mailboxes.stamp(actor.siteId(), actor.userId());
        return new MailboxState(recent.unread(actor.siteId(), actor.userId()), stamp);
    }

    /** The actor's recent-messages widget HTML, from the shared cache (no SQL on a hit). */
    public String recentHtml(Actor actor) {
        if (actor == null) {
            throw new NotAllowedException(LOG_IN);
        }
        return recent.html(actor.siteId(), actor.userId());
    }

    /** How many of the actor's sent messages are pending, delivered and failed. */
    public OutboxCounts outbox(Actor actor) {
        User me = users.acting(actor, LOG_IN);
        long pending = 0;
        long delivered = 0;
        long failed = 0;
        for (Object[] row : em.createNamedQuery("PrivateMessage.countSentByState", Object[].class)
                .setParameter("user", me.getId())
                .getResultList()) {
            long n = (Long) row[1];
            switch ((MessageState) row[0]) {
                case PENDING -> pending = n;
                case DELIVERED -> delivered = n;
                case FAILED -> failed = n;
            }
        }
        return new OutboxCounts(pending, delivered, failed);
    }

    /**
     * Hides a message from the actor's folders and conversation; the other participant keeps their copy.
     *
     * @throws NotFoundException when the message does not exist or the actor cannot see it
     */
    public void deleteForMe(Actor actor, long messageId) {
        User me = users.acting(actor, LOG_IN);
        PrivateMessage message = em.find(PrivateMessage.class, messageId);
        if (message == null || !message.isVisibleTo(me.getId())) {
            throw new NotFoundException("No such message.");
        }
        boolean inMyInbox = message.getRecipient().getId() == me.getId();
        message.deleteFor(me.getId());
        long conversationId = message.getConversation().getId();
        if (inMyInbox) {
            mailboxes.inboxChanged(actor.siteId(), me.getId(), conversationId);
        } else {
            mailboxes.outboxChanged(actor.siteId(), me.getId(), conversationId);
        }
    }

    /**
     * Stops messages from the user named {@code username} to the actor. Blocking twice changes nothing.
     *
     * @throws NotFoundException for an unknown user
     * @throws InvalidInputException for oneself
     */
    public void block(Actor actor, String username) {
        User me = users.acting(actor, LOG_IN);
        User other = findUser(actor.siteId(), username);
        if (me.isSameAs(other)) {
            throw new InvalidInputException("You cannot block yourself.");
        }
        if (!isBlocked(me.getId(), other.getId())) {
            em.persist(new MessageBlock(me, other, Instant.now()));
        }
    }

    /** Lets the user named {@code username} message the actor again. Unblocking someone not blocked changes nothing. */
    public void unblock(Actor actor, String username) {
        User me = users.acting(actor, LOG_IN);
        User other = findUser(actor.siteId(), username);
        blockOf(me.getId(), other.getId()).ifPresent(em::remove);
    }

    private User findUser(long siteId, String username) {
        return users.findByUsername(siteId, User.normalizeUsername(username))
                .filter(u -> !u.isDeleted())
                .orElseThrow(() -> new NotFoundException("There is no user named \"" + username.strip() + "\" here."));
    }

    private Conversation conversationOf(Actor actor, long conversationId) {
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (conversation == null
                || conversation.getSite().getId() != actor.siteId()
                || !conversation.hasParticipant(actor.userId())) {
            throw new NotFoundException("No such conversation.");
        }
        return conversation;
    }

    /** The pair's conversation, created when they never wrote; the lower id's row lock keeps two creators apart. */
    private Conversation conversationBetween(User a, User b, Instant now) {
        User low = a.getId() < b.getId() ? a : b;
        User high = low == a ? b : a;
        Optional<Conversation> found = findConversation(low, high);
        if (found.isPresent()) {
            return found.get();
        }
        em.lock(low, LockModeType.PESSIMISTIC_WRITE);
        return findConversation(low, high).orElseGet(() -> {
            Conversation c = new Conversation(low, high, now);
            em.persist(c);
            return c;
        });
    }

    private Optional<Conversation> findConversation(User low, User high) {
        return em.createNamedQuery("Conversation.findByPair", Conversation.class)
                .setParameter("site", low.getSite().getId())
                .setParameter("low", low.getId())
                .setParameter("high", high.getId())
                .getResultStream()
                .findFirst();
    }

    private boolean isBlocked(long blockerId, long blockedId) {
        return blockOf(blockerId, blockedId).isPresent();
    }

    private Optional<MessageBlock> blockOf(long blockerId, long blockedId) {
        return em.createNamedQuery("MessageBlock.find", MessageBlock.class)
                .setParameter("blocker", blockerId)
                .setParameter("blocked", blockedId)
                .getResultStream()
                .findFirst();
    }
}
