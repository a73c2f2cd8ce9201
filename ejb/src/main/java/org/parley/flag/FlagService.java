package org.parley.flag;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.common.Actor;
import org.parley.moderation.ModerationService;
import org.parley.post.Answer;
import org.parley.post.Comment;
import org.parley.post.CommentService;
import org.parley.post.Post;
import org.parley.post.PostRepository;
import org.parley.post.Question;
import org.parley.rules.ConflictException;
import org.parley.rules.FieldChecks;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.search.PostText;
import org.parley.site.Privilege;
import org.parley.user.User;
import org.parley.user.UserRepository;

/**
 * Raising flags on posts and comments, and the moderators' handling of them. Every rule is checked here: the "Flag
 * posts" privilege, no flags on one's own posts, one pending flag per user and target, the kinds a target takes.
 */
@Stateless
public class FlagService {

    /** Spam or rude flags from this many users hide a post at once. */
    public static final int HIDING_FLAGS = 6;

    /** The most flag groups the moderators' page lists at once. */
    public static final int PAGE_SIZE = 50;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private PostRepository posts;

    @Inject
    private UserRepository users;

    @Inject
    private ModerationService moderation;

    @Inject
    private CommentService comments;

    @Inject
    private jakarta.enterprise.event.Event<PostFlagged> flagged;

    /**
     * Flags a question or an answer; the sixth spam or rude flag (from six users) hides it.
     *
     * @param text what a moderator should know: required for {@link FlagKind#NEEDS_MODERATOR} ({@value
     *     FlagKind#MIN_TEXT}..{@value FlagKind#MAX_TEXT} characters), optional otherwise
     * @return whether the flag hid the post
     * @throws NotAllowedException when not logged in, without "Flag posts", or on one's own post
     * @throws NotFoundException when there is no such live post on the actor's site
     * @throws ConflictException when the user has a pending flag on it already
     * @throws InvalidInputException without a kind, a kind the post does not take (field {@code kind}), or a text
     *     that is missing or too long (field {@code text})
     */
    public boolean flagPost(Actor actor, long number, FlagKind kind, String text) {
        User flagger = users.acting(actor, "Log in to flag posts.");
        Post post = posts.lock(actor.siteId(), number);
        if (post.isDeleted() || post.questionShownOn().isDeleted()) {
            throw new NotFoundException("No such post.");
        }
        FlagTarget target = post instanceof Question ? FlagTarget.QUESTION : FlagTarget.ANSWER;
        String why = check(kind, target, text);
        if (post.isOwnedBy(flagger)) {
            throw new NotAllowedException("You can't flag your own post.");
        }
        post.getSite().privileges().require(Privilege.FLAG_POSTS, flagger.getReputation(), flagger.getRole());
        requireNoPendingFlag(post, null, flagger, "You have already flagged this post; a moderator will look at it.");
        em.persist(new Flag(post, null, null, flagger, kind, why, Instant.now()));
        flagged.fire(new PostFlagged(actor.siteId(), number, kind));
        if (!kind.hides()) {
            return false;
        }
        List<Flag> hiding = em.createQuery(
                        "select f from Flag f where f.post = :post and f.commentId is null and f.kind in :kinds"
                                + " and (f.outcome is null or f.outcome = :helpful)",
                        Flag.class)
                .setParameter("post", post)
                .setParameter("kinds", List.of(FlagKind.SPAM, FlagKind.RUDE))
                .setParameter("helpful", FlagOutcome.HELPFUL)
                .getResultList();
        Set<Long> flaggers = new LinkedHashSet<>();
        hiding.forEach(f -> flaggers.add(f.getFlagger().getId()));
        if (flaggers.size() < HIDING_FLAGS) {
            return false;
        }
        boolean hidden = moderation.hideFlagged(actor.siteId(), number);
        Instant now = Instant.now();
        hiding.forEach(f -> f.handle(FlagOutcome.HELPFUL, null, now));
        return hidden;
    }

    /**
     * Flags a comment.
     *
     * @throws NotAllowedException when not logged in, without "Flag posts", or on one's own comment
     * @throws NotFoundException when the site has no such comment (or its post is deleted)
     * @throws ConflictException when the user has a pending flag on it already
     * @throws InvalidInputException as {@link #flagPost}
     */
    public void flagComment(Actor actor, long commentId, FlagKind kind, String text) {
        User flagger = users.acting(actor, "Log in to flag comments.");
        Comment comment = em.find(Comment.class, commentId);
        if (comment == null
                || comment.getSite().getId() != actor.siteId()
                || comment.getPost().isDeleted()
                || comment.getPost().questionShownOn().isDeleted()) {
            throw new NotFoundException("No such comment.");
        }
        String why = check(kind, FlagTarget.COMMENT, text);
        if (comment.getOwner() != null && comment.getOwner().isSameAs(flagger)) {
            throw new NotAllowedException("You can't flag your own comment.");
        }
        comment.getSite().privileges().require(Privilege.FLAG_POSTS, flagger.getReputation(), flagger.getRole());
        Post post = posts.lock(actor.siteId(), comment.getPost().getNumber());
        requireNoPendingFlag(post, commentId, flagger, "You have already flagged this comment.");
        em.persist(new Flag(post, commentId, comment.getText(), flagger, kind, why, Instant.now()));
    }

    /**
     * The pending flags of the actor's site, one group per flagged post or comment, the most flagged first.
     *
     * @throws NotAllowedException unless the actor is a moderator (or admin)
     */
    public List<FlagGroup> pending(Actor actor) {
        requireModerator(actor);
        List<Flag> flags = em.createQuery(
                        "select f from Flag f join fetch f.post join fetch f.flagger where f.siteId = :site"
                                + " and f.outcome is null order by f.createdAt, f.id",
                        Flag.class)
                .setParameter("site", actor.siteId())
                .getResultList();
        Map<String, List<Flag>> byTarget = new LinkedHashMap<>();
        for (Flag f : flags) {
            byTarget.computeIfAbsent(f.getPost().getId() + ":" + f.getCommentId(), k -> new ArrayList<>())
                    .add(f);
        }
        List<FlagGroup> groups = new ArrayList<>();
        for (List<Flag> group : byTarget.values()) {
            Flag first = group.get(0);
            Post post = first.getPost();
            Question question = post.questionShownOn();
            Map<FlagKind, Integer> kinds = new EnumMap<>(FlagKind.class);
            List<FlagGroup.Raised> raised = new ArrayList<>();
            for (Flag f : group) {
                kinds.merge(f.getKind(), 1, Integer::sum);
                raised.add(new FlagGroup.Raised(f.getFlagger().ref(), f.getKind(), f.getText(), f.getCreatedAt()));
            }
            String excerpt = first.getCommentId() != null
                    ? first.getCommentText()
                    : excerpt(PostText.of(post.getBodyHtml()).text());
            groups.add(new FlagGroup(
                    post.getNumber(),
                    first.getCommentId(),
                    question.getNumber(),
                    question.getTitle(),
                    question.slug(),
                    post instanceof Answer,
                    post.isDeleted(),
                    excerpt,
                    author(first, post),
                    kinds,
                    raised));
        }
        groups.sort((a, b) -> Integer.compare(b.raised().size(), a.raised().size()));
        return groups.size() > PAGE_SIZE ? groups.subList(0, PAGE_SIZE) : groups;
    }

    /** How many flags of the actor's site wait for a moderator; 0 for anyone who is not one. */
    public long pendingCount(Actor actor) {
        if (actor == null || !actor.isModerator()) {
            return 0;
        }
        return em.createQuery("select count(f) from Flag f where f.siteId = :site and f.outcome is null", Long.class)
                .setParameter("site", actor.siteId())
                .getSingleResult();
    }

    /**
     * Marks every pending flag on a post (or, with {@code commentId}, on one of its comments) helpful or declined;
     * with {@code remove}, a helpful flag also deletes the post or the comment.
     *
     * @return how many flags were handled
     * @throws NotAllowedException unless the actor is a moderator (or admin)
     * @throws NotFoundException when the site has no such post
     */
    public int handle(Actor actor, long postNumber, Long commentId, boolean helpful, boolean remove) {
        User moderator = requireModerator(actor);
        Post post = posts.lock(actor.siteId(), postNumber);
        jakarta.persistence.TypedQuery<Flag> flags = em.createQuery(
                        "select f from Flag f where f.post = :post and "
                                + (commentId == null ? "f.commentId is null" : "f.commentId = :comment")
                                + " and f.outcome is null",
                        Flag.class)
                .setParameter("post", post);
        if (commentId != null) {
            flags.setParameter("comment", commentId);
        }
        List<Flag> pending = flags.getResultList();
        Instant now = Instant.now();
        pending.forEach(f -> f.handle(helpful ? FlagOutcome.HELPFUL : FlagOutcome.DECLINED, moderator, now));
        if (helpful && remove) {
            if (commentId != null) {
                if (em.find(Comment.class, commentId) != null) {
                    comments.delete(actor, commentId);
                }
            } else if (!post.isDeleted()) {
                moderation.delete(actor, postNumber);
            }
        }
        return pending.size();
    }

    /** A user's flags on a site: how many were helpful, declined, and are still pending. */
    public FlagCounts counts(long siteId, long userNumber) {
        long helpful = 0;
        long declined = 0;
        long pending = 0;
        for (Object[] row : em.createQuery(
                        "select f.outcome, count(f) from Flag f where f.siteId = :site and f.flagger.number = :user"
                                + " group by f.outcome",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("user", userNumber)
                .getResultList()) {
            long n = (Long) row[1];
            if (row[0] == null) {
                pending = n;
            } else if (row[0] == FlagOutcome.HELPFUL) {
                helpful = n;
            } else {
                declined = n;
            }
        }
        return new FlagCounts(helpful, declined, pending);
    }

    /** A user's flag record. */
    public record FlagCounts(long helpful, long declined, long pending) {

        public long total() {
            return helpful + declined + pending;
        }
    }

    private User requireModerator(Actor actor) {
        User user = users.acting(actor, "Log in to see the flags.");
        if (!user.isModerator()) {
            throw new NotAllowedException("Only moderators handle flags.");
        }
        return user;
    }

    private void requireNoPendingFlag(Post post, Long commentId, User flagger, String message) {
        Long already = em.createQuery(
                        "select count(f) from Flag f where f.post = :post and f.flagger = :flagger and "
                                + (commentId == null ? "f.commentId is null" : "f.commentId = " + commentId)
                                + " and f.outcome is null",
                        Long.class)
                .setParameter("post", post)
                .setParameter("flagger", flagger)
                .getSingleResult();
        if (already > 0) {
            throw new ConflictException(message);
        }
    }

    private static String check(FlagKind kind, FlagTarget target, String text) {
        FieldChecks checks = new FieldChecks();
        checks.field("kind", () -> {
            if (kind == null) {
                throw new InvalidInputException("Choose why you flag it.");
            }
            if (!kind.fits(target)) {
                throw new InvalidInputException("“" + kind.label() + "” is not a flag for "
                        + switch (target) {
                            case QUESTION -> "a question.";
                            case ANSWER -> "an answer.";
                            case COMMENT -> "a comment.";
                        });
            }
            return kind;
        });
        String why = checks.field("text", () -> {
            String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
            if (kind == FlagKind.NEEDS_MODERATOR && t.length() < FlagKind.MIN_TEXT) {
                throw new InvalidInputException(
                        "Say what a moderator should look at (at least " + FlagKind.MIN_TEXT + " characters).");
            }
            if (t.length() > FlagKind.MAX_TEXT) {
                throw new InvalidInputException(
                        "At most " + FlagKind.MAX_TEXT + " characters; this has " + t.length() + ".");
            }
            return t.isEmpty() ? null : t;
        });
        checks.done();
        return why;
    }

    /** Who wrote what was flagged: the comment's author for a comment flag (while the comment exists). */
    private org.parley.user.UserRef author(Flag flag, Post post) {
        if (flag.getCommentId() != null) {
            Comment comment = em.find(Comment.class, flag.getCommentId());
            if (comment != null) {
                return comment.toView().owner();
            }
        }
        return post.ownerRef();
    }

    private static String excerpt(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 300 ? line : line.substring(0, 299).stripTrailing() + "\u2026";
    }
}
