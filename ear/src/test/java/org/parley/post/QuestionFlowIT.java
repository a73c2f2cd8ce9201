package org.parley.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.listing.ListingService;
import org.parley.rules.InvalidInputException;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;
import org.parley.user.UserRef;
import org.parley.user.UserService;

/** Asking, answering, voting, accepting and listing, through the real services and database. */
@ExtendWith(ArquillianExtension.class)
class QuestionFlowIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(QuestionFlowIT.class);
    }

    @EJB
    private ListingService listings;

    @EJB
    private Reputations reputations;

    @EJB
    private UserPostService profiles;

    @EJB
    SiteService sites;

    @EJB
    UserService users;

    @EJB
    QuestionService questions;

    @EJB
    VoteService votes;

    @EJB
    CommentService comments;

    SiteInfo site;
    UserRef askerRef;
    UserRef answererRef;
    Actor asker;
    Actor answerer;

    @BeforeEach
    void freshSite() {
        String name = ParleyDeployment.unique("qs");
        site = sites.ensureSite(name + ".localhost", name, "Questions " + name, "A site for one test");
        reputations.open(site.id()); // new users vote and comment here; the privileges have tests of their own
        askerRef = users.createUser(site.id(), "asker", "Ada Asker", "correct-horse-battery", Role.USER);
        answererRef = users.createUser(site.id(), "answerer", "Bo Answerer", "correct-horse-battery", Role.USER);
        asker = users.actorFor(site.id(), "asker").orElseThrow();
        answerer = users.actorFor(site.id(), "answerer").orElseThrow();
    }

    private QuestionSummary ask(String title, String... tags) {
        return questions.ask(
                asker, title, "Some **markdown** body that is long enough to be a real question.", List.of(tags));
    }

    @EJB
    SerialVoting serialVoting;

    @Test
    void aNewUserWaitsBetweenQuestionsPostsNoLinksAndSerialVotesAreReversed() {
        // A site of its own with the default limits (not opened).
        String name = ParleyDeployment.unique("ab");
        SiteInfo plain = sites.ensureSite(name + ".localhost", name, "Limits " + name, "A site for one test");
        UserRef newbieRef = users.createUser(plain.id(), "newbie", "New Bie", "correct-horse-battery", Role.USER);
        UserRef fanRef = users.createUser(plain.id(), "fan", "Fan", "correct-horse-battery", Role.USER);
        Actor newbie = users.actorFor(plain.id(), "newbie").orElseThrow();
        Actor fan = users.actorFor(plain.id(), "fan").orElseThrow();
        String body = "Some **markdown** body that is long enough to be a real question.";

        InvalidInputException link = assertThrows(
                InvalidInputException.class,
                () -> questions.ask(
                        newbie,
                        "Where is the manual for my derailleur?",
                        "It is at https://example.com/manual but I cannot read it.",
                        List.of("gears")));
        assertEquals("body", link.field());
        assertTrue(link.getMessage().contains("10 reputation"), link.getMessage());
        QuestionSummary q = questions.ask(newbie, "Where is the manual for my derailleur?", body, List.of("gears"));
        org.parley.rules.RateLimitedException again = assertThrows(
                org.parley.rules.RateLimitedException.class,
                () -> questions.ask(newbie, "How do I fit a new brake cable?", body, List.of("brakes")));
        assertTrue(again.getMessage().contains("You can ask again in"), again.getMessage());
        assertTrue(again.retryAfter().toMinutes() >= 39, again.retryAfter().toString());

        // Eleven up votes of one user on the newbie's answers today: all reversed, the reputation as before.
        reputations.set(plain.id(), "fan", 15);
        for (int i = 0; i < 11; i++) {
            long a = questions.answer(newbie, q.number(), "Answer number " + i + " by the asker, long enough.");
            votes.vote(fan, a, VoteType.UP);
        }
        List<SerialVoting.Reversal> reversed =
                serialVoting.reverse(plain.id(), java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        assertEquals(1, reversed.size(), reversed.toString());
        assertEquals(new SerialVoting.Reversal(fanRef.number(), newbieRef.number(), VoteType.UP, 11), reversed.get(0));
        assertEquals(
                1,
                profiles.profile(plain.id(), newbieRef.number()).orElseThrow().reputation(),
                "the newbie is back at 1");
    }

    @Test
    void theWholeLifeOfAQuestion() {
        QuestionSummary q = ask("How do I tune a derailleur quickly?", "gears", "maintenance");
        long a1 = questions.answer(answerer, q.number(), "Turn the barrel adjuster a quarter turn at a time.");
        long a2 = questions.answer(answerer, q.number(), "Check the hanger alignment first, then the limit screws.");

        assertEquals(1, votes.vote(asker, a2, VoteType.UP).score());
        assertEquals(VoteType.UP, votes.vote(answerer, q.number(), VoteType.UP).myVote());
        questions.accept(asker, a1);
        comments.comment(answerer, q.number(), "Which derailleur model is it, front or rear?");

        QuestionDetail detail = questions.view(site.id(), q.number(), asker);
        assertTrue(detail.bodyHtml().contains("<strong>markdown</strong>"), detail.bodyHtml());
        assertEquals(1, detail.score());
        assertEquals(Long.valueOf(a1), detail.acceptedAnswerNumber());
        assertEquals(
                List.of(a1, a2),
                detail.answers().stream().map(AnswerView::number).toList(),
                "accepted first");
        assertTrue(detail.answers().get(0).accepted());
        assertEquals(1, detail.comments().size());
        assertEquals(List.of("gears", "maintenance"), detail.tags());

        // 1 + 10 (answer upvote) + 15 (accepted); asker: 1 + 10 (question upvote) + 2 (accepting)
        assertEquals(
                26,
                profiles.profile(site.id(), answererRef.number()).orElseThrow().reputation());
        assertEquals(
                13, profiles.profile(site.id(), askerRef.number()).orElseThrow().reputation());

        // Changing a vote reverses the old one: -10 for the lost upvote, -2 to the author and -1 to the voter
        // for the downvote; retracting the downvote gives those 3 back.
        VoteResult changed = votes.vote(asker, a2, VoteType.DOWN);
        assertEquals(-1, changed.score());
        assertEquals(VoteType.DOWN, changed.myVote());
        assertEquals(
                14,
                profiles.profile(site.id(), answererRef.number()).orElseThrow().reputation());
        assertEquals(
                12, profiles.profile(site.id(), askerRef.number()).orElseThrow().reputation());
        VoteResult retracted = votes.vote(asker, a2, VoteType.DOWN);
        assertEquals(0, retracted.score());
        assertNull(retracted.myVote());
        assertEquals(
                16,
                profiles.profile(site.id(), answererRef.number()).orElseThrow().reputation());
        assertEquals(
                13, profiles.profile(site.id(), askerRef.number()).orElseThrow().reputation());
    }

    @Test
    void listsSortAndPageAndFilterByTag() {
        QuestionSummary first = ask("First question about wheels and spokes?", "wheels");
        QuestionSummary second = ask("Second question about tyres and tubes?", "tyres", "wheels");
        QuestionSummary third = ask("Third question about brakes and pads?", "brakes");
        questions.answer(answerer, first.number(), "An answer that is certainly long enough to count.");
        votes.vote(answerer, third.number(), VoteType.UP);

        assertEquals(
                List.of(third.number(), second.number(), first.number()),
                numbers(listings.list(site.id(), QuestionSort.NEWEST, 1, 10).items()));
        assertEquals(
                third.number(),
                listings.list(site.id(), QuestionSort.VOTES, 1, 10)
                        .items()
                        .get(0)
                        .number());
        assertEquals(
                List.of(third.number(), second.number()),
                numbers(listings.list(site.id(), QuestionSort.UNANSWERED, 1, 10).items()));
        assertEquals(
                first.number(),
                listings.list(site.id(), QuestionSort.ACTIVE, 1, 10)
                        .items()
                        .get(0)
                        .number());

        var page2 = listings.list(site.id(), QuestionSort.NEWEST, 2, 2);
        assertEquals(3, page2.total());
        assertEquals(List.of(first.number()), numbers(page2.items()));

        assertEquals(
                List.of(second.number(), first.number()),
                numbers(listings.tagged(site.id(), List.of("wheels"), QuestionSort.NEWEST, 1, 10)
                        .items()));
        assertEquals(
                List.of(second.number()),
                numbers(listings.tagged(site.id(), List.of("wheels", "tyres"), QuestionSort.NEWEST, 1, 10)
                        .items()));
        assertEquals(
                0,
                listings.tagged(site.id(), List.of("no-such-tag"), QuestionSort.NEWEST, 1, 10)
                        .total());
    }

    @Test
    void badInputIsRejectedWithAMessageAndNothingIsStored() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ask("Too short?", "gears"));
        assertFalse(e.getMessage().isBlank());
        assertThrows(InvalidInputException.class, () -> ask("A long enough title for a question?"));
        assertThrows(
                InvalidInputException.class,
                () -> ask("A long enough title for a question?", "a", "b", "c", "d", "e", "f"));
        assertThrows(InvalidInputException.class, () -> ask("A long enough title for a question?", "bad tag!"));
        assertEquals(0, listings.list(site.id(), QuestionSort.NEWEST, 1, 10).total());
    }

    private static List<Long> numbers(List<QuestionSummary> items) {
        return items.stream().map(QuestionSummary::number).toList();
    }
}
