package org.parley.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import java.util.List;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.flag.FlagKind;
import org.parley.flag.FlagService;
import org.parley.listing.ListingService;
import org.parley.post.QuestionPages;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSort;
import org.parley.post.QuestionSummary;
import org.parley.review.ReviewQueue;
import org.parley.review.ReviewService;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;
import org.parley.user.UserService;

/**
 * Issue 17's rules in the container, on two sites: the same person is a trusted user on one and a newcomer on the
 * other, and each site's services allow and refuse by that site's reputation alone; what a deletion and a close do
 * reaches the real tag engine, question cache and review queues.
 */
@ExtendWith(ArquillianExtension.class)
class ModerationIT {

    private static final String BODY = "Some **markdown** body that is long enough to be a real question.";
    private static final String PASSWORD = "correct-horse-battery";

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(ModerationIT.class);
    }

    @EJB
    SiteService sites;

    @EJB
    UserService users;

    @EJB
    Reputations reputations;

    @EJB
    QuestionService questions;

    @EJB
    QuestionPages pages;

    @EJB
    ModerationService moderation;

    @EJB
    FlagService flags;

    @EJB
    ReviewService reviews;

    @EJB
    ListingService listings;

    SiteInfo trusted;
    SiteInfo fresh;

    @BeforeEach
    void twoSites() {
        String a = ParleyDeployment.unique("mt");
        String b = ParleyDeployment.unique("mf");
        trusted = sites.ensureSite(a + ".localhost", a, "Trusted " + a, "A site where Kim is trusted");
        fresh = sites.ensureSite(b + ".localhost", b, "Fresh " + b, "A site where Kim is new");
        for (SiteInfo s : List.of(trusted, fresh)) {
            users.createUser(s.id(), "kim", "Kim Keeper", PASSWORD, Role.USER);
            users.createUser(s.id(), "asker", "Ada Asker", PASSWORD, Role.USER);
            reputations.set(s.id(), "asker", 10); // asks twice: not a new user
        }
        reputations.set(trusted.id(), "kim", 20_000);
    }

    private Actor actor(SiteInfo s, String name) {
        return users.actorFor(s.id(), name).orElseThrow();
    }

    /** The service's refusal, unwrapped from the EJB container's exception when it is one. */
    private static <T extends RuntimeException> T refused(Class<T> type, Callable<?> call) {
        try {
            call.call();
        } catch (Exception e) {
            Throwable t = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + t, t);
        }
        throw new AssertionError("expected " + type.getSimpleName() + ", nothing was thrown");
    }

    @Test
    void kimModeratesTheSiteWhereSheHasTheReputationAndNotTheOther() {
        QuestionSummary onTrusted =
                questions.ask(actor(trusted, "asker"), "Which chain lube lasts in the rain?", BODY, List.of("chain"));
        QuestionSummary onFresh =
                questions.ask(actor(fresh, "asker"), "Which chain lube lasts in the rain?", BODY, List.of("chain"));
        QuestionSummary copy = questions.ask(
                actor(trusted, "asker"), "What chain lube lasts longest in rain?", BODY, List.of("chain"));

        // On the site where she is new, every privileged action is refused with its privilege's name.
        Actor newKim = actor(fresh, "kim");
        assertTrue(
                refused(NotAllowedException.class, () -> flags.flagPost(newKim, onFresh.number(), FlagKind.SPAM, null))
                        .getMessage()
                        .contains("“Flag posts”"));
        assertTrue(refused(
                        NotAllowedException.class,
                        () -> moderation.voteToClose(newKim, onFresh.number(), CloseReason.NEEDS_FOCUS, null, null))
                .getMessage()
                .contains("“Cast close and reopen votes”"));
        assertTrue(refused(NotAllowedException.class, () -> reviews.next(newKim, ReviewQueue.FIRST_POSTS))
                .getMessage()
                .contains("“Review first posts”"));
        assertThrows(
                Exception.class,
                () -> questions.edit(
                        newKim,
                        onFresh.number(),
                        "Which chain lube lasts longest in the rain?",
                        BODY,
                        List.of("chain")));
        // ... but she may suggest an edit there, which waits for review.
        questions.suggestEdit(
                newKim, onFresh.number(), "Which chain lube lasts longest in the rain?", BODY, List.of("chain"), null);
        assertEquals(
                "Which chain lube lasts in the rain?",
                pages.view(fresh.id(), onFresh.number(), null).title());

        // On the site where she is trusted: a free edit, a flag, a duplicate close vote, a review, a delete vote.
        Actor kim = actor(trusted, "kim");
        questions.edit(kim, onTrusted.number(), "Which chain lube lasts longest in the rain?", BODY, List.of("chain"));
        assertFalse(flags.flagPost(kim, onTrusted.number(), FlagKind.NEEDS_MODERATOR, "Please merge with its twin."));
        Outcome vote = moderation.voteToClose(
                kim, copy.number(), CloseReason.DUPLICATE, Long.toString(onTrusted.number()), null);
        assertEquals(new Outcome(1, 5, false), vote);
        assertNotNull(reviews.next(kim, ReviewQueue.FIRST_POSTS), "the asker's first post waits for review");
        // The close vote put the copy in the Close votes queue; a moderator closes it.
        users.createUser(trusted.id(), "mod", "The Moderator", PASSWORD, Role.MODERATOR);
        Actor mod = actor(trusted, "mod");
        assertEquals(copy.number(), reviews.next(mod, ReviewQueue.CLOSE_VOTES).postNumber());
        assertTrue(moderation
                .voteToClose(mod, copy.number(), CloseReason.DUPLICATE, Long.toString(onTrusted.number()), null)
                .done());
        assertNotNull(pages.view(trusted.id(), copy.number(), null).closedAt(), "the cached page shows the close");
        assertEquals(null, reviews.next(mod, ReviewQueue.CLOSE_VOTES), "the close decided the review task");

        // A closed question takes Kim's delete vote; a moderator's deletes it, and the lists lose it at once.
        assertEquals(new Outcome(1, 3, false), moderation.delete(kim, copy.number()));
        assertTrue(listings.list(trusted.id(), QuestionSort.NEWEST, 1, 10).items().stream()
                .anyMatch(q -> q.number() == copy.number()));
        assertTrue(moderation.delete(mod, copy.number()).done());
        assertFalse(
                listings.list(trusted.id(), QuestionSort.NEWEST, 1, 10).items().stream()
                        .anyMatch(q -> q.number() == copy.number()),
                "the tag engine dropped it");
        refused(NotFoundException.class, () -> pages.view(trusted.id(), copy.number(), null));
        assertTrue(pages.view(trusted.id(), copy.number(), kim).deleted(), "20,000 reputation sees it, marked");
        // The fresh site never saw any of it.
        assertEquals(
                1, listings.list(fresh.id(), QuestionSort.NEWEST, 1, 10).items().size());
        refused(NotFoundException.class, () -> moderation.delete(actor(fresh, "kim"), copy.number() + 1_000));
    }
}
