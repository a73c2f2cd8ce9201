package org.parley.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.parley.rules.NotAllowedException;
import org.parley.user.User;

/** One vote per user and post: cast, change, retract; never on one's own post; score = ups - downs. */
class VoteRulesTest {

    private final PostFixtures f = new PostFixtures();
    private final User asker = f.userWithReputation("asker", 100);
    private final User answerer = f.userWithReputation("answerer", 100);
    private final User voter = f.userWithReputation("voter", 100);
    private final Question question = f.question(asker);
    private final Answer answer = f.answer(question, answerer);

    @Test
    void aFirstVoteIsCastAndCounted() {
        VoteChange change = answer.vote(voter, null, VoteType.UP, PostFixtures.T0);

        assertNull(change.before());
        assertEquals(VoteType.UP, change.after());
        assertNotNull(change.toPersist());
        assertNull(change.toRemove());
        assertSame(answer, change.toPersist().getPost());
        assertSame(voter, change.toPersist().getVoter());
        assertEquals(VoteType.UP, change.toPersist().getType());
        assertEquals(1, answer.getScore());
    }

    @Test
    void theSameVoteAgainRetractsIt() {
        Vote vote = answer.vote(voter, null, VoteType.UP, PostFixtures.T0).toPersist();

        VoteChange change = answer.vote(voter, vote, VoteType.UP, PostFixtures.T0);

        assertEquals(VoteType.UP, change.before());
        assertNull(change.after());
        assertNull(change.toPersist());
        assertSame(vote, change.toRemove());
        assertEquals(0, answer.getScore());
    }

    @Test
    void aVoteCanBeChangedBothWays() {
        Vote vote = answer.vote(voter, null, VoteType.UP, PostFixtures.T0).toPersist();

        VoteChange down = answer.vote(voter, vote, VoteType.DOWN, PostFixtures.T0);
        assertEquals(VoteType.UP, down.before());
        assertEquals(VoteType.DOWN, down.after());
        assertNull(down.toPersist(), "a change updates the existing row");
        assertNull(down.toRemove());
        assertEquals(VoteType.DOWN, vote.getType());
        assertEquals(-1, answer.getScore());

        VoteChange up = answer.vote(voter, vote, VoteType.UP, PostFixtures.T0);
        assertEquals(VoteType.DOWN, up.before());
        assertEquals(VoteType.UP, up.after());
        assertEquals(VoteType.UP, vote.getType());
        assertEquals(1, answer.getScore());
    }

    @Test
    void nobodyVotesOnTheirOwnPost() {
        NotAllowedException onAnswer = assertThrows(
                NotAllowedException.class, () -> answer.vote(answerer, null, VoteType.UP, PostFixtures.T0));
        assertEquals("You can't vote on your own post.", onAnswer.getMessage());
        assertThrows(NotAllowedException.class, () -> question.vote(asker, null, VoteType.DOWN, PostFixtures.T0));
        assertEquals(0, answer.getScore());
        assertEquals(0, question.getScore());
        assertEquals(100, answerer.getReputation());
        assertEquals(100, asker.getReputation());
    }

    @Test
    void scoreIsUpsMinusDowns() {
        User[] voters = {f.user("voter1"), f.user("voter2"), f.user("voter3"), f.user("voter4"), f.user("voter5")};
        question.vote(voters[0], null, VoteType.UP, PostFixtures.T0);
        question.vote(voters[1], null, VoteType.UP, PostFixtures.T0);
        question.vote(voters[2], null, VoteType.UP, PostFixtures.T0);
        question.vote(voters[3], null, VoteType.DOWN, PostFixtures.T0);
        Vote last =
                question.vote(voters[4], null, VoteType.DOWN, PostFixtures.T0).toPersist();
        assertEquals(1, question.getScore());

        question.vote(voters[4], last, VoteType.DOWN, PostFixtures.T0);
        assertEquals(2, question.getScore());
    }

    @Test
    void anotherUsersVoteIsNotTakenAsTheVotersOwn() {
        Vote othersVote =
                answer.vote(f.user("other"), null, VoteType.UP, PostFixtures.T0).toPersist();

        assertThrows(
                IllegalArgumentException.class, () -> answer.vote(voter, othersVote, VoteType.UP, PostFixtures.T0));
        assertEquals(1, answer.getScore());
    }

    @Test
    void aVoteOnAPostWhoseAuthorIsGoneStillCounts() {
        Question orphan = new Question(
                f.site,
                f.site.takePostNumber(),
                null,
                "An imported question without its user?",
                PostFixtures.BODY,
                "<p>x</p>",
                java.util.List.of(f.tag("import")),
                PostFixtures.T0,
                99);

        orphan.vote(voter, null, VoteType.UP, PostFixtures.T0);

        assertEquals(1, orphan.getScore());
        assertEquals(100, voter.getReputation());
    }
}
