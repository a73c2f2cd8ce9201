package org.parley.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.post.PostChanged;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.post.RemotePostChanged;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;
import org.parley.user.UserService;

/**
 * The question and answer indexes stay fresh without a mass indexing: a post written by a server that died before its
 * index write is repaired by the row-version catch-up; a change another server committed is written here when its
 * event arrives (this server runs the Lucene backend, an index of its own); an accepted answer's document says so.
 */
@ExtendWith(ArquillianExtension.class)
class SearchIndexFreshnessIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.withEjbBeans(ParleyDeployment.ear(SearchIndexFreshnessIT.class), UnindexedWriter.class);
    }

    @EJB
    SiteService sites;

    @EJB
    Reputations reputations;

    @EJB
    UserService users;

    @EJB
    QuestionService questions;

    @EJB
    UnindexedWriter unindexed;

    @Inject
    Event<RemotePostChanged> remote;

    @EJB
    PostIndexer indexer;

    @EJB
    IndexingProgress progress;

    SiteInfo site;
    Actor asker;
    Actor voter;

    @BeforeEach
    void freshSite() {
        String name = ParleyDeployment.unique("fresh");
        site = sites.ensureSite(name + ".localhost", name, "Freshness " + name, "A site for one test");
        reputations.open(site.id()); // a new user votes here
        users.createUser(site.id(), "asker", "Ada Asker", "correct-horse-battery", Role.USER);
        users.createUser(site.id(), "voter", "Vic Voter", "correct-horse-battery", Role.USER);
        asker = users.actorFor(site.id(), "asker").orElseThrow();
        voter = users.actorFor(site.id(), "voter").orElseThrow();
    }

    @Test
    void aPostWhoseWriterDiedBeforeItsIndexWriteIsIndexedByTheCatchUp() throws Exception {
        QuestionSummary q = unindexed.ask(
                asker,
                "Why does my sourdough starter smell of acetone?",
                "It was fine last week; now it smells like nail polish remover after a day.",
                List.of("sourdough"));
        assertEquals(Optional.empty(), unindexed.indexedScore(site.id(), q.number()), "not indexed at commit");
        long start = System.nanoTime();
        Optional<Integer> found = await(() -> unindexed.indexedScore(site.id(), q.number()), 30);
        System.out.printf(
                "search catch-up: indexed %.1f s after the commit (every %d s)%n",
                (System.nanoTime() - start) / 1e9, PostIndexer.CATCH_UP_SECONDS);
        assertEquals(Optional.of(0), found, "the catch-up wrote the document");

        unindexed.upVote(voter, q.number());
        assertEquals(
                Optional.of(1),
                await(() -> unindexed.indexedScore(site.id(), q.number()).filter(score -> score == 1), 30),
                "and the vote the writer did not index");
    }

    @Test
    void theCatchUpPassesOverASiteBeingImportedOnceRatherThanOnEveryRun() throws Exception {
        progress.pause(site.id());
        try {
            QuestionSummary q = unindexed.ask(
                    asker,
                    "Is a cold crash needed before bottling a stout?",
                    "Written while the site is imported: the import's own index step writes its document.",
                    List.of("stout"));
            long version = unindexed.rowVersion(site.id(), q.number());
            for (int run = 0; run < PostIndexer.OVERLAP_RUNS + 1; run++) {
                while (indexer.catchUp() < 0) {
                    Thread.sleep(100); // a scheduled run holds the lock
                }
            }
            assertTrue(
                    indexer.mark() >= version,
                    "the mark passed the paused site's row (" + version + "), so no later run reads it again: "
                            + indexer.mark());
            assertEquals(Optional.empty(), unindexed.indexedScore(site.id(), q.number()), "left to the import");
        } finally {
            progress.resume(site.id());
        }
    }

    @Test
    void aChangeCommittedOnAnotherServerIsWrittenWhenItsEventArrives() {
        QuestionSummary q = questions.ask(
                asker,
                "How long should a lager ferment at ten degrees?",
                "My recipe says two weeks, my friend says four. Which is right for a pilsner?",
                List.of("lager"));
        assertEquals(Optional.of(0), unindexed.indexedScore(site.id(), q.number()), "indexed at commit");
        unindexed.upVote(voter, q.number());
        assertEquals(Optional.of(0), unindexed.indexedScore(site.id(), q.number()), "the other server's vote");
        remote.fire(new RemotePostChanged(
                new PostChanged(site.id(), q.number(), q.number(), PostChanged.Kind.VOTED), "another-server"));
        assertEquals(Optional.of(1), unindexed.indexedScore(site.id(), q.number()), "written when the event came");
    }

    @Test
    void acceptingAnAnswerRewritesTheAnswersDocuments() {
        QuestionSummary q = questions.ask(
                asker,
                "Which yeast gives a clean finish in a kolsch?",
                "I want the fruitiness low and the finish dry; which strain should I pick?",
                List.of("yeast"));
        long answer = questions.answer(voter, q.number(), "A German ale strain at 15 degrees gives exactly that.");
        assertEquals(Optional.of(false), unindexed.indexedAccepted(site.id(), answer));
        questions.accept(asker, answer);
        assertEquals(Optional.of(true), unindexed.indexedAccepted(site.id(), answer));
    }

    private static <T> Optional<T> await(Supplier<Optional<T>> probe, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Optional<T> found = probe.get();
        while (found.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(200);
            found = probe.get();
        }
        assertTrue(found.isPresent(), "nothing within " + seconds + " s");
        return found;
    }
}
