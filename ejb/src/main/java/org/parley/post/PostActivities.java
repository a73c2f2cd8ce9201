package org.parley.post;

import jakarta.enterprise.event.Event;
import org.parley.user.User;

/** Builds and fires {@link PostActivity} for the post services, skipping what nobody should be told. */
final class PostActivities {

    private PostActivities() {}

    /**
     * Tells the owner of {@code post} that {@code actor} did {@code kind} to it; nothing when the post has no (live)
     * owner or the owner is the actor.
     *
     * @param target the post the link scrolls to
     */
    static void fire(
            Event<PostActivity> event, PostActivity.Kind kind, Post post, User actor, Post target, String excerpt) {
        User owner = post.getOwner();
        if (owner == null || owner.isDeleted() || actor == null || owner.isSameAs(actor)) {
            return;
        }
        Question question = post.questionShownOn();
        event.fire(new PostActivity(
                post.getSite().getId(),
                kind,
                post.getNumber(),
                owner.getId(),
                actor.getId(),
                actor.getDisplayName(),
                question.getNumber(),
                question.slug(),
                target.getNumber(),
                excerpt));
    }
}
