package org.parley.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.parley.post.CommentService;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.post.VoteService;
import org.parley.post.VoteType;
import org.parley.rules.ConflictException;
import org.parley.rules.NotAllowedException;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;

/** The server enforces who may do what, whatever a page shows or hides. */
@ExtendWith(ArquillianExtension.class)
class SecurityRulesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(SecurityRulesIT.class, Http.class, Http.Response.class);
    }

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
    Actor alice;
    Actor bob;
    Actor moderator;
    QuestionSummary question;
    long answer;

    @BeforeEach
    void aQuestionByAliceWithAnAnswerByBob() {
        String name = ParleyDeployment.unique("sec");
        site = sites.ensureSite(name + ".localhost", name, "Security " + name, "A site for one test");
        users.createUser(site.id(), "alice", "Alice", "correct-horse-battery", Role.USER);
        users.createUser(site.id(), "bob", "Bob", "correct-horse-battery", Role.USER);
        users.createUser(site.id(), "mod", "Mo Derator", "correct-horse-battery", Role.MODERATOR);
        alice = users.actorFor(site.id(), "alice").orElseThrow();
        bob = users.actorFor(site.id(), "bob").orElseThrow();
        moderator = users.actorFor(site.id(), "mod").orElseThrow();
        question = questions.ask(
                alice,
                "Is it safe to ride with a worn chain?",
                "My chain checker says 0.75 and I wonder whether I should replace it now.",
                List.of("chain"));
        answer = questions.answer(bob, question.number(), "Replace it now, before it wears the cassette as well.");
    }

    @Test
    void anonymousCannotVoteAnswerOrComment() {
        NotAllowedException e = assertThrows(NotAllowedException.class, () -> votes.vote(null, answer, VoteType.UP));
        assertFalse(e.getMessage().isBlank());
        assertThrows(
                NotAllowedException.class,
                () -> questions.answer(null, question.number(), "An anonymous answer, long enough."));
        assertThrows(NotAllowedException.class, () -> comments.comment(null, answer, "An anonymous comment here."));
        assertEquals(
                0,
                questions
                        .view(site.id(), question.number(), null)
                        .answers()
                        .get(0)
                        .score());
    }

    @Test
    void nobodyVotesOnTheirOwnPost() {
        assertThrows(NotAllowedException.class, () -> votes.vote(alice, question.number(), VoteType.UP));
        assertThrows(NotAllowedException.class, () -> votes.vote(bob, answer, VoteType.UP));
    }

    @Test
    void onlyTheAskerAccepts() {
        assertThrows(NotAllowedException.class, () -> questions.accept(bob, answer));
        assertThrows(NotAllowedException.class, () -> questions.accept(moderator, answer));
        assertThrows(NotAllowedException.class, () -> questions.accept(null, answer));
        questions.accept(alice, answer);
        assertTrue(questions
                .view(site.id(), question.number(), null)
                .answers()
                .get(0)
                .accepted());
    }

    @Test
    void onlyTheOwnerOrAModeratorEdits() {
        assertThrows(
                NotAllowedException.class,
                () -> questions.edit(
                        bob,
                        question.number(),
                        "Bob rewrites the title of Alice?",
                        "Bob's body, which is long enough.",
                        List.of("chain")));
        assertThrows(NotAllowedException.class, () -> questions.forEdit(alice, answer));
        assertThrows(NotAllowedException.class, () -> questions.forEdit(null, answer));
        assertEquals(
                "Is it safe to ride with a worn chain?",
                questions.view(site.id(), question.number(), null).title());

        questions.edit(moderator, answer, null, "Replace it now; a worn chain wears the cassette too.", List.of());
        assertTrue(questions
                .view(site.id(), question.number(), null)
                .answers()
                .get(0)
                .bodyHtml()
                .contains("wears the cassette too"));
    }

    @Test
    void onlyTheServersAdminCreatesASite() {
        String name = ParleyDeployment.unique("new");
        assertThrows(NotAllowedException.class, () -> sites.create(alice, name + ".localhost", name, "New", "No"));
        assertThrows(NotAllowedException.class, () -> sites.create(moderator, name + ".localhost", name, "New", "No"));
        users.createUser(site.id(), "root", "Site Admin", "correct-horse-battery", Role.ADMIN);
        Actor siteAdmin = users.actorFor(site.id(), "root").orElseThrow();
        assertThrows(
                NotAllowedException.class,
                () -> sites.create(siteAdmin, name + ".localhost", name, "New", "No"),
                "an admin of one site creates none (issue 18)");
        Actor admin = users.actorFor(sites.findByHost("localhost").orElseThrow().id(), "admin")
                .orElseThrow();
        assertEquals(
                name + ".localhost",
                sites.create(admin, name + ".localhost", name, "New", "No").host());
        assertThrows(ConflictException.class, () -> sites.create(admin, name + ".localhost", name, "New", "No"));
    }

    @Test
    void passwordsAreCheckedAndNeverStoredPlain() {
        assertTrue(
                users.authenticate(site.id(), "alice", "correct-horse-battery").isPresent());
        assertTrue(users.authenticate(site.id(), "alice", "wrong-horse-battery").isEmpty());
        assertTrue(
                users.authenticate(site.id(), "nobody", "correct-horse-battery").isEmpty());
        assertThrows(
                ConflictException.class, () -> users.register(site.id(), "alice", "Alice Again", "another-password"));
    }

    @Test
    void pagesThatChangeThingsNeedALogin() throws Exception {
        Http.Response ask = Http.get(site.host(), "/questions/ask");
        assertTrue(ask.status() == 302 || ask.status() == 303, "status " + ask.status());
        assertTrue(ask.header("Location").contains("/users/login"), ask.header("Location"));
        Http.Response admin = Http.get(site.host(), "/admin/sites");
        assertTrue(admin.status() == 302 || admin.status() == 303 || admin.status() == 403, "status " + admin.status());
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        String cookie = Http.get(site.host(), "/users/login").header("Set-Cookie");
        assertTrue(cookie != null && cookie.startsWith("JSESSIONID="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
    }

    @Test
    void errorPagesShowNoStackTraces() throws Exception {
        Http.Response missing = Http.get(site.host(), "/questions/987654321");
        assertEquals(404, missing.status());
        assertFalse(missing.body().contains("Exception"), missing.body());
        assertFalse(missing.body().contains("at org."), missing.body());
    }
}
