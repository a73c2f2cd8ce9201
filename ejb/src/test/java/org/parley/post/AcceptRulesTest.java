package org.parley.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parley.common.Role;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.user.User;

/** Only the asker accepts; one accepted answer; accepting another moves it; accepting it again un-accepts. */
class AcceptRulesTest {

    private final PostFixtures f = new PostFixtures();
    private final User asker = f.userWithReputation("asker", 10);
    private final User first = f.userWithReputation("first", 10);
    private final User second = f.userWithReputation("second", 10);
    private final Question question = f.question(asker);
    private final Answer a1 = f.answer(question, first);
    private final Answer a2 = f.answer(question, second);

    @Test
    void theAskerAcceptsAndBothEarn() {
        AcceptChange change = question.accept(asker, a1);

        assertNull(change.before());
        assertSame(a1, change.after());
        assertSame(a1, question.getAcceptedAnswer());
        assertTrue(question.isAccepted(a1));
        assertFalse(question.isAccepted(a2));
        assertTrue(question.hasAcceptedAnswer());
        assertEquals(25, first.getReputation());
        assertEquals(12, asker.getReputation());
    }

    @Test
    void onlyTheAskerAccepts() {
        User moderator = f.user("mod");
        moderator.changeRole(Role.MODERATOR);

        assertThrows(NotAllowedException.class, () -> question.accept(first, a1));
        assertThrows(NotAllowedException.class, () -> question.accept(second, a1));
        assertThrows(NotAllowedException.class, () -> question.accept(moderator, a1));
        assertThrows(NotAllowedException.class, () -> question.accept(null, a1));
        assertNull(question.getAcceptedAnswer());
        assertEquals(10, first.getReputation());
    }

    @Test
    void acceptingTheAcceptedAnswerAgainUnacceptsAndTakesTheReputationBack() {
        question.accept(asker, a1);

        AcceptChange change = question.accept(asker, a1);

        assertSame(a1, change.before());
        assertNull(change.after());
        assertNull(question.getAcceptedAnswer());
        assertFalse(question.hasAcceptedAnswer());
        assertEquals(10, first.getReputation());
        assertEquals(10, asker.getReputation());
    }

    @Test
    void acceptingAnotherAnswerMovesTheMark() {
        question.accept(asker, a1);

        AcceptChange change = question.accept(asker, a2);

        assertSame(a1, change.before());
        assertSame(a2, change.after());
        assertFalse(question.isAccepted(a1));
        assertTrue(question.isAccepted(a2));
        assertEquals(10, first.getReputation(), "the first answerer loses the 15");
        assertEquals(25, second.getReputation());
        assertEquals(12, asker.getReputation(), "the asker earns 2 once, not twice");
    }

    @Test
    void anAnswerOfAnotherQuestionCannotBeAccepted() {
        Question other = f.question(asker);
        Answer elsewhere = f.answer(other, first);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> question.accept(asker, elsewhere));
        assertFalse(e.getMessage().isBlank());
        assertNull(question.getAcceptedAnswer());
        assertEquals(10, first.getReputation());
    }

    @Test
    void acceptingOnesOwnAnswerEarnsNothing() {
        Answer own = f.answer(question, asker);

        question.accept(asker, own);

        assertTrue(question.isAccepted(own));
        assertEquals(10, asker.getReputation());
        question.accept(asker, own);
        assertEquals(10, asker.getReputation());
    }

    @Test
    void answersAreCountedAndMoveTheQuestionsActivity() {
        assertEquals(2, question.getAnswerCount());
        assertEquals(a2.getCreatedAt(), question.getLastActivityAt());
    }

    @Test
    void aClosedQuestionTakesNoAnswers() {
        question.close(PostFixtures.T0.plusSeconds(3600));

        assertThrows(NotAllowedException.class, () -> f.answer(question, second));
        assertEquals(2, question.getAnswerCount());
    }
}
