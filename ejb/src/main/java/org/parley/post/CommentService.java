package org.parley.post;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.parley.common.Actor;
import org.parley.rules.FieldChecks;
import org.parley.site.Privilege;
import org.parley.submission.OncePerSubmission;
import org.parley.user.User;
import org.parley.user.UserRepository;

/** Comments under questions and answers. */
@Stateless
public class CommentService {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private PostRepository posts;

    @Inject
    private UserRepository users;

    @Inject
    private Event<PostChanged> changes;

    @Inject
    private Event<PostActivity> activity;

    /**
     * Adds a plain-text comment (trimmed) to a question or answer.
     *
     * @throws org.parley.rules.NotAllowedException when {@code actor} is null ("Log in to comment."), or comments on
     *     someone else's post without {@link Privilege#COMMENT_EVERYWHERE} (one's own posts, and the answers to one's
     *     own questions, take comments from their author at any reputation)
     * @throws org.parley.rules.NotFoundException when there is no such post on the actor's site
     * @throws org.parley.rules.InvalidInputException when the text is not 15..600 characters (field {@code text})
     */
    @Interceptors(OncePerSubmission.class)
    public CommentView comment(Actor actor, long postNumber, String text) {
        User owner = users.acting(actor, "Log in to comment.");
        FieldChecks checks = new FieldChecks();
        String checked = checks.field("text", () -> Comment.checkText(text));
        checks.done();
        Post post = posts.lock(actor.siteId(), postNumber);
        post.requireOpen("comment on", owner.isModerator());
        if (!post.isOwnedBy(owner) && !post.questionShownOn().isOwnedBy(owner)) {
            post.getSite().privileges().require(Privilege.COMMENT_EVERYWHERE, owner.getReputation(), owner.getRole());
        }
        Comment comment = new Comment(post, owner, checked, Instant.now());
        em.persist(comment);
        post.touch(posts.nextRowVersion());
        PostActivities.fire(activity, PostActivity.Kind.COMMENT, post, owner, post, checked);
        changes.fire(new PostChanged(
                actor.siteId(), post.questionShownOn().getNumber(), post.getNumber(), PostChanged.Kind.COMMENTED));
        return comment.toView();
    }

    /**
     * Deletes a comment: its author, or a moderator (from the flags page, say).
     *
     * @throws org.parley.rules.NotAllowedException when not logged in, or neither its author nor a moderator
     * @throws org.parley.rules.NotFoundException when the site has no such comment
     */
    public void delete(Actor actor, long commentId) {
        User user = users.acting(actor, "Log in to delete comments.");
        Comment comment = em.find(Comment.class, commentId);
        if (comment == null || comment.getSite().getId() != actor.siteId()) {
            throw new org.parley.rules.NotFoundException("No such comment.");
        }
        if (!user.isModerator()
                && (comment.getOwner() == null || !comment.getOwner().isSameAs(user))) {
            throw new org.parley.rules.NotAllowedException("Only its author or a moderator can delete a comment.");
        }
        Post post = posts.lock(actor.siteId(), comment.getPost().getNumber());
        em.remove(comment);
        post.commentRemoved();
        post.touch(posts.nextRowVersion());
        changes.fire(new PostChanged(
                actor.siteId(), post.questionShownOn().getNumber(), post.getNumber(), PostChanged.Kind.COMMENTED));
    }
}
