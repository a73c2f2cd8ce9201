package org.parley.post;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.parley.user.User;

/** Stack Overflow's reputation rules as the entities apply them, including reversal and the floor of 1. */
class ReputationTest {

    private final PostFixtures f = new PostFixtures();
    private final User asker = f.userWithReputation("asker", 50);
    private final User answerer = f.userWithReputation("answerer", 50);
    private final User voter = f.userWithReputation("voter", 50);
    private final Question question = f.question(asker);
    private final Answer answer = f.answer(question, answerer);

    @Test
    void newUsersStartAtOne() {
        assertEquals(1, f.user("newbie").getReputation());
    }

    @Test
    void upvotesGiveTheAuthorTenOnQuestionsAndAnswers() {
        question.vote(voter, null, VoteType.UP, PostFixtures.T0);
        answer.vote(voter, null, VoteType.UP, PostFixtures.T0);

        assertEquals(60, asker.getReputation());
        assertEquals(60, answerer.getReputation());
        assertEquals(50, voter.getReputation(), "upvoting is free");
    }

    @Test
    void downvotingAnAnswerCostsAuthorTwoAndVoterOne() {
        answer.vote(voter, null, VoteType.DOWN, PostFixtures.T0);

        assertEquals(48, answerer.getReputation());
        assertEquals(49, voter.getReputation());
    }

    @Test
    void downvotingAQuestionCostsOnlyTheAuthor() {
        question.vote(voter, null, VoteType.DOWN, PostFixtures.T0);

        assertEquals(48, asker.getReputation());
        assertEquals(50, voter.getReputation());
    }

    @Test
    void retractingAVoteReversesIt() {
        Vote up = answer.vote(voter, null, VoteType.UP, PostFixtures.T0).toPersist();
        answer.vote(voter, up, VoteType.UP, PostFixtures.T0);
        assertEquals(50, answerer.getReputation());

        Vote down = answer.vote(voter, null, VoteType.DOWN, PostFixtures.T0).toPersist();
        answer.vote(voter, down, VoteType.DOWN, PostFixtures.T0);
        assertEquals(50, answerer.getReputation());
        assertEquals(50, voter.getReputation());
    }

    @Test
    void changingAVoteReversesTheOldOneAndAppliesTheNew() {
        Vote vote = answer.vote(voter, null, VoteType.UP, PostFixtures.T0).toPersist();
        assertEquals(60, answerer.getReputation());

        answer.vote(voter, vote, VoteType.DOWN, PostFixtures.T0);
        assertEquals(48, answerer.getReputation(), "-10 for the lost upvote, -2 for the downvote");
        assertEquals(49, voter.getReputation());

        answer.vote(voter, vote, VoteType.UP, PostFixtures.T0);
        assertEquals(60, answerer.getReputation());
        assertEquals(50, voter.getReputation());
    }

    @Test
    void reputationNeverDropsBelowOne() {
        User newbie = f.user("newbie");
        User lowVoter = f.user("lowvoter");
        Question q = f.question(newbie);
        Answer a = f.answer(q, f.userWithReputation("other", 20));

        q.vote(voter, null, VoteType.DOWN, PostFixtures.T0);
        assertEquals(1, newbie.getReputation());
        a.vote(lowVoter, null, VoteType.DOWN, PostFixtures.T0);
        assertEquals(1, lowVoter.getReputation(), "the voter's -1 stops at the floor too");

        newbie.changeReputation(-1_000);
        assertEquals(1, newbie.getReputation());
    }

    @Test
    void theFloorKeepsWhatAReversalGivesBack() {
        // As on Stack Overflow: a downvote on a user at 1 costs nothing, and retracting it still gives the 2 back.
        User newbie = f.user("newbie");
        Question q = f.question(newbie);
        Vote down = q.vote(voter, null, VoteType.DOWN, PostFixtures.T0).toPersist();
        assertEquals(1, newbie.getReputation());

        q.vote(voter, down, VoteType.DOWN, PostFixtures.T0);
        assertEquals(3, newbie.getReputation());
    }

    @Test
    void deltasAreTheDocumentedNumbers() {
        assertEquals(new Reputation.Delta(10, 0), Reputation.forVote(VoteType.UP, false));
        assertEquals(new Reputation.Delta(10, 0), Reputation.forVote(VoteType.UP, true));
        assertEquals(new Reputation.Delta(-2, 0), Reputation.forVote(VoteType.DOWN, false));
        assertEquals(new Reputation.Delta(-2, -1), Reputation.forVote(VoteType.DOWN, true));
        assertEquals(
                new Reputation.Delta(2, 1),
                Reputation.forVote(VoteType.DOWN, true).negate());
    }
}
