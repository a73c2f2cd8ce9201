package org.parley.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Page;
import org.parley.common.Role;
import org.parley.rules.NotFoundException;
import org.parley.site.Limit;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;
import org.parley.user.UserRef;
import org.parley.user.UserService;

/** Profile pages (a user's counts, questions and answers) on Hibernate and H2. */
class UserPostServiceH2Test {

    private static final String PASSWORD = "correct-horse-battery";

    private H2Services h2;
    private UserService users;
    private UserPostService profiles;
    private QuestionService questions;
    private SiteInfo site;
    private SiteInfo other;

    @BeforeEach
    void twoSites() {
        h2 = new H2Services();
        users = h2.bean(UserService.class);
        profiles = h2.bean(UserPostService.class);
        questions = h2.bean(QuestionService.class);
        SiteService sites = h2.bean(SiteService.class);
        site = h2.tx(() -> sites.ensureSite("bicycles.localhost", "bicycles", "Bicycles", ""));
        other = h2.tx(() -> sites.ensureSite("beer.localhost", "beer", "Beer", ""));
        // Jane asks 22 questions in a row: nobody is a new user held to one question per 40 minutes here.
        h2.tx(() -> sites.changeLimits(
                new Actor(0, site.id(), Role.ADMIN), site.id(), Map.of(Limit.NEW_USER_REPUTATION, 0)));
    }

    @AfterEach
    void close() {
        h2.close();
    }

    @Test
    void profilesCountAndListQuestionsAndAnswers() {
        UserRef jane = h2.tx(() -> users.register(site.id(), "jane", "Jane Doe", PASSWORD));
        h2.tx(() -> users.register(site.id(), "joe", "Joe Bloggs", PASSWORD));
        Actor janeActor = h2.tx(() -> users.actorFor(site.id(), "jane")).orElseThrow();
        Actor joeActor = h2.tx(() -> users.actorFor(site.id(), "joe")).orElseThrow();
        for (int i = 0; i < 22; i++) {
            String title = "Question number " + i + " about brakes?";
            h2.tx(() -> questions.ask(
                    janeActor, title, "A body that is long enough for a question here.", List.of("brakes")));
        }
        long answer = h2.tx(() -> questions.answer(joeActor, 1, "An answer by Joe which is long enough to count."));
        h2.run(() -> questions.accept(janeActor, answer));

        UserProfile profile =
                h2.tx(() -> profiles.profile(site.id(), jane.number())).orElseThrow();
        assertEquals("Jane Doe", profile.displayName());
        assertEquals("jane-doe", profile.slug());
        assertEquals(22, profile.questionCount());
        assertEquals(0, profile.answerCount());
        assertNull(profile.aboutHtml());
        assertEquals(3, profile.reputation(), "1 + 2 for accepting");
        assertTrue(h2.tx(() -> profiles.profile(site.id(), 99)).isEmpty());
        assertTrue(h2.tx(() -> profiles.profile(other.id(), jane.number())).isEmpty());

        Page<QuestionSummary> first = h2.tx(() -> profiles.questionsBy(site.id(), jane.number(), 0));
        assertEquals(UserPostService.PROFILE_PAGE_SIZE, first.items().size());
        assertEquals(22, first.total());
        assertEquals("Question number 21 about brakes?", first.items().get(0).title(), "newest first");
        assertEquals(
                2,
                h2.tx(() -> profiles.questionsBy(site.id(), jane.number(), 2))
                        .items()
                        .size());

        Page<AnswerSummary> answers = h2.tx(() -> profiles.answersBy(site.id(), 2, 1));
        assertEquals(1, answers.total());
        AnswerSummary a = answers.items().get(0);
        assertEquals(answer, a.answerNumber());
        assertEquals(1, a.questionNumber());
        assertEquals("question-number-0-about-brakes", a.questionSlug());
        assertTrue(a.accepted());
        assertThrows(NotFoundException.class, () -> h2.tx(() -> profiles.answersBy(site.id(), 99, 1)));
        assertFalse(h2.tx(() -> profiles.questionsBy(site.id(), 2, 1)).hasNext());
    }
}
