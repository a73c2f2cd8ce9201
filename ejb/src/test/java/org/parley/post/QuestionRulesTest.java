package org.parley.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.common.Role;
import org.parley.rules.InvalidInputException;
import org.parley.tag.Tag;
import org.parley.user.User;

/** Lengths of titles, bodies and comments, 1..5 tags with their counts, editing rights and row versions. */
class QuestionRulesTest {

    private final PostFixtures f = new PostFixtures();
    private final User asker = f.user("asker");

    @Test
    void titlesAreTrimmedAndMustBe15To150Characters() {
        assertEquals("Fifteen chars!!", Question.checkTitle("  Fifteen chars!!  "));
        assertEquals("Many spaces inside too", Question.checkTitle("Many \t spaces\n inside too"));
        assertThrows(InvalidInputException.class, () -> Question.checkTitle("Fourteen chars"));
        assertThrows(InvalidInputException.class, () -> Question.checkTitle(null));
        assertEquals(150, Question.checkTitle("x".repeat(150)).length());
        InvalidInputException tooLong =
                assertThrows(InvalidInputException.class, () -> Question.checkTitle("x".repeat(151)));
        assertTrue(tooLong.getMessage().contains("150"), tooLong.getMessage());
    }

    @Test
    void bodiesMustBe30To30000Characters() {
        assertEquals("x".repeat(30), Post.checkBody("  " + "x".repeat(30) + "\n"));
        assertThrows(InvalidInputException.class, () -> Post.checkBody("x".repeat(29)));
        assertThrows(InvalidInputException.class, () -> Post.checkBody("   " + "x".repeat(29) + "    "));
        assertThrows(InvalidInputException.class, () -> Post.checkBody(null));
        assertEquals(30_000, Post.checkBody("x".repeat(30_000)).length());
        assertThrows(InvalidInputException.class, () -> Post.checkBody("x".repeat(30_001)));
        // A browser posts line breaks as CR LF; each counts as one character, as the editor's count shows it.
        String lines = "x\n".repeat(15_000);
        assertEquals(lines.strip(), Post.checkBody(lines.replace("\n", "\r\n")));
    }

    @Test
    void commentsMustBe15To600Characters() {
        assertEquals("x".repeat(15), Comment.checkText(" " + "x".repeat(15) + " "));
        assertThrows(InvalidInputException.class, () -> Comment.checkText("x".repeat(14)));
        assertThrows(InvalidInputException.class, () -> Comment.checkText(null));
        assertEquals(600, Comment.checkText("x".repeat(600)).length());
        assertThrows(InvalidInputException.class, () -> Comment.checkText("x".repeat(601)));
    }

    @Test
    void aCommentIsCountedOnItsPost() {
        Question q = f.question(asker);
        User commenter = f.user("commenter");
        Comment c = new Comment(q, commenter, "  Could you show the stack trace?  ", PostFixtures.T0);

        assertEquals("Could you show the stack trace?", c.getText());
        assertEquals(1, q.getCommentCount());
        assertEquals(commenter, c.getOwner());
        assertEquals(q.getSite(), c.getSite());
    }

    @Test
    void aQuestionNeedsOneToFiveDistinctTags() {
        assertThrows(InvalidInputException.class, () -> question(List.of()));
        assertThrows(InvalidInputException.class, () -> question(tags("a", "b", "c", "d", "e", "f")));
        Tag java = f.tag("java");
        assertThrows(InvalidInputException.class, () -> question(List.of(java, f.tag("java"))));
        assertEquals(0, java.getQuestionCount(), "a refused question counts nowhere");

        Question five = question(tags("a", "b", "c", "d", "e"));
        assertEquals(List.of("a", "b", "c", "d", "e"), five.tagList());
    }

    @Test
    void tagsKeepTheirOrderAndCountTheirQuestions() {
        Tag jpa = f.tag("jpa");
        Tag java = f.tag("java");

        Question q = question(List.of(jpa, java));

        assertEquals(List.of("jpa", "java"), q.tagList());
        assertEquals("|jpa|java|", q.getTagNames());
        assertEquals(1, jpa.getQuestionCount());
        assertEquals(1, java.getQuestionCount());
        assertEquals(2, q.getTags().size());
    }

    @Test
    void retaggingMovesTheCounts() {
        Tag jpa = f.tag("jpa");
        Tag java = f.tag("java");
        Tag sql = f.tag("sql");
        Question q = question(List.of(jpa, java));

        q.edit(
                "A new and longer title here?",
                PostFixtures.BODY + " More.",
                "<p>new</p>",
                List.of(java, sql),
                PostFixtures.T0.plusSeconds(5));

        assertEquals(0, jpa.getQuestionCount());
        assertEquals(1, java.getQuestionCount());
        assertEquals(1, sql.getQuestionCount());
        assertEquals(List.of("java", "sql"), q.tagList());
        assertEquals("A new and longer title here?", q.getTitle());
        assertEquals("<p>new</p>", q.getBodyHtml());
        assertEquals(PostFixtures.T0.plusSeconds(5), q.getLastEditedAt());
        assertEquals(PostFixtures.T0.plusSeconds(5), q.getLastActivityAt());
    }

    @Test
    void aRefusedEditChangesNothing() {
        Tag jpa = f.tag("jpa");
        Question q = question(List.of(jpa));

        assertThrows(
                InvalidInputException.class,
                () -> q.edit("Too short", PostFixtures.BODY, "<p>x</p>", List.of(f.tag("other")), PostFixtures.T0));
        assertThrows(
                InvalidInputException.class,
                () -> q.edit("A long enough title, truly?", PostFixtures.BODY, "<p>x</p>", List.of(), PostFixtures.T0));

        assertEquals(1, jpa.getQuestionCount());
        assertEquals("How do I make this test pass?", q.getTitle());
        assertEquals(List.of("jpa"), q.tagList());
    }

    @Test
    void ownersModeratorsAndAdminsEdit() {
        Question q = f.question(asker);
        User stranger = f.user("stranger");
        User moderator = f.user("moderator");
        moderator.changeRole(Role.MODERATOR);
        User admin = f.user("admin");
        admin.changeRole(Role.ADMIN);

        assertTrue(q.editableBy(asker));
        assertTrue(q.editableBy(moderator));
        assertTrue(q.editableBy(admin));
        assertFalse(q.editableBy(stranger));
        assertFalse(q.editableBy(null));
        asker.delete();
        assertFalse(q.editableBy(asker), "a deleted user edits nothing");
    }

    @Test
    void rowVersionsOnlyGrow() {
        Question q = f.question(asker);
        long first = q.getRowVersion();

        q.touch(first + 10);
        assertEquals(first + 10, q.getRowVersion());
        assertThrows(IllegalArgumentException.class, () -> q.touch(first + 10));
        assertThrows(IllegalArgumentException.class, () -> q.touch(first));
    }

    @Test
    void aGoneAuthorKeepsTheirNameButNoProfileLink() {
        Question q = f.question(asker);
        asker.delete();

        assertEquals("User asker", q.ownerRef().displayName());
        assertEquals(null, q.ownerRef().number());
        assertEquals("user-asker", q.ownerRef().slug());
    }

    @Test
    void summariesCarryTheListFields() {
        Question q = question(tags("jpa", "hibernate"));
        Answer a = f.answer(q, f.user("answerer"));
        q.accept(asker, a);

        QuestionSummary s = q.toSummary();

        assertEquals(q.getNumber(), s.number());
        assertEquals("how-do-i-make-this-test-pass", s.slug());
        assertEquals(List.of("jpa", "hibernate"), s.tags());
        assertEquals(1, s.answerCount());
        assertTrue(s.hasAcceptedAnswer());
        assertEquals(asker.getNumber(), s.owner().number());
    }

    private Question question(List<Tag> tags) {
        return new Question(
                f.site,
                f.site.takePostNumber(),
                asker,
                "How do I make this test pass?",
                PostFixtures.BODY,
                "<p>b</p>",
                tags,
                PostFixtures.T0,
                1);
    }

    private List<Tag> tags(String... names) {
        return java.util.Arrays.stream(names).map(f::tag).toList();
    }
}
