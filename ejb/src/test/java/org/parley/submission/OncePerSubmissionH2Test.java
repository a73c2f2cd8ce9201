package org.parley.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.post.CacheInvalidation;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.post.VoteResult;
import org.parley.post.VoteService;
import org.parley.post.VoteType;
import org.parley.revision.RevisionWriter;
import org.parley.rules.ConflictException;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;
import org.parley.user.User;

/**
 * {@link OncePerSubmission} around the real services on Hibernate and H2, as the container runs it inside each call's
 * transaction: a vote or a question replayed with its key (what HAProxy does when the server that had it died) is
 * carried out once and answered as the first time; a new key is a new write; another user's key is refused; a write
 * that failed leaves no record, so its replay runs again.
 */
class OncePerSubmissionH2Test {

    private static final String PASSWORD = "correct-horse-battery";

    private H2Services h2;
    private QuestionService questions;
    private VoteService votes;
    private OncePerSubmission once;
    private SiteInfo site;
    private Actor asker;
    private Actor voter;

    @BeforeEach
    void aSiteWithTwoUsers() {
        h2 = new H2Services();
        h2.bean(RevisionWriter.class);
        h2.bean(CacheInvalidation.class);
        questions = h2.bean(QuestionService.class);
        votes = h2.bean(VoteService.class);
        once = h2.bean(OncePerSubmission.class);
        SiteService sites = h2.bean(SiteService.class);
        site = h2.tx(() -> sites.ensureSite("bicycles.localhost", "bicycles", "Bicycles", "Bikes"));
        asker = user("asker", 10); // not a new user: asks as often as the test needs
        voter = user("voter", 100);
    }

    @AfterEach
    void closeDatabase() {
        h2.close();
    }

    private Actor user(String name, int reputation) {
        return h2.user(site.id(), name, PASSWORD, Role.USER, reputation);
    }

    /** Calls {@code work} through the interceptor in one transaction, with {@code key} as the request's key. */
    private <T> T submit(String key, Object[] args, Callable<T> work) {
        return h2.tx(() -> {
            SubmissionKey.set(key);
            try {
                @SuppressWarnings("unchecked")
                T result = (T) once.once(new Call(args, work));
                return result;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                SubmissionKey.clear();
            }
        });
    }

    @Test
    void aReplayedVoteIsCastOnceAndAnsweredAsTheFirstTime() {
        QuestionSummary q =
                h2.tx(() -> questions.ask(asker, "How do I true a wheel at home?", body(), List.of("wheels")));
        Object[] args = {voter, q.number(), VoteType.UP};
        String key = "a1b2c3d4e5f60718";
        VoteResult first = submit(key, args, () -> votes.vote(voter, q.number(), VoteType.UP));
        assertEquals(new VoteResult(1, VoteType.UP), first);
        int earned = reputation(asker);
        assertNotEquals(10, earned, "the vote earned the asker reputation");
        // The same submission again (a plain second vote would take the vote back): the same answer, nothing changed.
        VoteResult replay = submit(key, args, () -> votes.vote(voter, q.number(), VoteType.UP));
        assertEquals(first, replay);
        assertEquals(1, score(q.number()));
        assertEquals(earned, reputation(asker), "earned once");
        // A new press is a new submission: it takes the vote back, as the button does.
        VoteResult undo = submit("ffee0011aabb2233", args, () -> votes.vote(voter, q.number(), VoteType.UP));
        assertNull(undo.myVote());
        assertEquals(0, score(q.number()));
    }

    @Test
    void aReplayedQuestionIsAskedOnce() {
        String key = "0123456789abcdef0123";
        Object[] args = {asker, "Which tyre pressure for gravel?", body(), List.of("tyres")};
        QuestionSummary first = submit(
                key, args, () -> questions.ask(asker, "Which tyre pressure for gravel?", body(), List.of("tyres")));
        QuestionSummary replay = submit(
                key, args, () -> questions.ask(asker, "Which tyre pressure for gravel?", body(), List.of("tyres")));
        assertEquals(first.number(), replay.number());
        assertEquals(first.title(), replay.title());
        assertEquals(1L, questionsAsked(), "one question, however often the submission came");
        QuestionSummary again = submit(
                "9999888877776666",
                args,
                () -> questions.ask(asker, "Which tyre pressure for gravel?", body(), List.of("tyres")));
        assertNotEquals(first.number(), again.number(), "a new submission asks again");
    }

    @Test
    void anotherUsersKeyIsRefusedAndAFailedWriteLeavesNoRecord() {
        String key = "sharedkey-000001";
        submit(
                key,
                new Object[] {asker},
                () -> questions.ask(asker, "Are tubeless tyres worth it?", body(), List.of("tyres")));
        assertThrows(
                ConflictException.class,
                () -> submit(
                        key,
                        new Object[] {voter},
                        () -> questions.ask(voter, "Are tubeless tyres worth it now?", body(), List.of("tyres"))));
        // A refused write (title too short) records nothing: the same key runs again and is refused again.
        String failing = "failingkey-00001";
        Object[] args = {asker};
        assertThrows(
                RuntimeException.class,
                () -> submit(failing, args, () -> questions.ask(asker, "Hm", body(), List.of())));
        assertNull(h2.tx(() -> h2.bean(EntityManager.class).find(Submission.class, failing)));
    }

    @Test
    void oldSubmissionsAreForgottenAndForeignTypesAreNeverRead() {
        h2.run(() -> new Submissions(h2.bean(EntityManager.class))
                .record(
                        "oldkey-000000001",
                        asker,
                        7L,
                        Instant.now().minus(Submissions.KEPT).minusSeconds(1)));
        h2.run(() ->
                new Submissions(h2.bean(EntityManager.class)).record("newkey-000000001", asker, 8L, Instant.now()));
        assertEquals(1, (int) h2.tx(() -> new Submissions(h2.bean(EntityManager.class)).forgetOld(Instant.now())));
        assertEquals(
                8L,
                h2.tx(() -> new Submissions(h2.bean(EntityManager.class)).find("newkey-000000001", asker))
                        .orElseThrow()
                        .orElseThrow());
        // Only Parley's and the JDK's value types come back from a stored result.
        assertEquals(Map.of("n", 3L), Submissions.read(Submissions.write(Map.of("n", 3L))));
        byte[] foreign = Submissions.write(new java.util.concurrent.atomic.AtomicLong(3));
        assertThrows(IllegalStateException.class, () -> Submissions.read(foreign));
    }

    @Test
    void keysAreCheckedForShape() {
        assertEquals(true, SubmissionKey.isValid("0f3c9a1e-4b2d-4c1e-9f00-1234567890ab"));
        assertEquals(false, SubmissionKey.isValid("short"));
        assertEquals(false, SubmissionKey.isValid("has space in it!"));
        assertEquals(false, SubmissionKey.isValid("x".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> SubmissionKey.set("<script>"));
    }

    private static String body() {
        return "A body long enough for the site's rules about questions, with some detail in it.";
    }

    private int score(long number) {
        return h2.tx(() -> ((Number) h2.bean(EntityManager.class)
                        .createQuery("select p.score from Post p where p.site.id = :s and p.number = :n")
                        .setParameter("s", site.id())
                        .setParameter("n", number)
                        .getSingleResult())
                .intValue());
    }

    private int reputation(Actor actor) {
        return h2.tx(() ->
                h2.bean(EntityManager.class).find(User.class, actor.userId()).getReputation());
    }

    private long questionsAsked() {
        return h2.tx(() -> (Long) h2.bean(EntityManager.class)
                .createQuery("select count(q) from Question q where q.site.id = :s")
                .setParameter("s", site.id())
                .getSingleResult());
    }

    /** The container's view of one intercepted call: its arguments, and the method body to proceed to. */
    private record Call(Object[] args, Callable<?> work) implements InvocationContext {
        @Override
        public Object getTarget() {
            return null;
        }

        @Override
        public Method getMethod() {
            return null;
        }

        @Override
        public Constructor<?> getConstructor() {
            return null;
        }

        @Override
        public Object[] getParameters() {
            return args;
        }

        @Override
        public void setParameters(Object[] params) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Object> getContextData() {
            return Map.of();
        }

        @Override
        public Object getTimer() {
            return null;
        }

        @Override
        public Object proceed() throws Exception {
            return work.call();
        }
    }
}
