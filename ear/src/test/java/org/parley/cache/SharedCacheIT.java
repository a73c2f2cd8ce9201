package org.parley.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.infinispan.Cache;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.cache.proto.Marshalling;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.post.QuestionDetail;
import org.parley.post.QuestionPages;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.post.ViewTally;
import org.parley.post.VoteService;
import org.parley.post.VoteType;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;
import org.parley.user.UserService;

/** The shared tier in WildFly: get-or-load through the real L2, invalidation by writes, per-site keys, ProtoStream. */
@ExtendWith(ArquillianExtension.class)
class SharedCacheIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(SharedCacheIT.class);
    }

    @Inject
    SharedCache cache;

    @EJB
    QuestionPages pages;

    @EJB
    Reputations reputations;

    @EJB
    SiteService sites;

    @EJB
    UserService users;

    @EJB
    QuestionService questions;

    @EJB
    VoteService votes;

    @EJB
    ViewTally views;

    @EJB
    ClusterStats cluster;

    @Resource(lookup = CacheNames.L2_JNDI)
    Cache<String, Object> l2;

    @Test
    void getOrLoadLoadsOnceAndKeepsProtoStreamBytesInL2() {
        CacheKey key = CacheKey.of(Region.FRAGMENT, 1, ParleyDeployment.unique("frag"), Scope.post(1, 99));
        AtomicInteger loads = new AtomicInteger();
        assertEquals("<p>once</p>", cache.get(key, String.class, () -> {
            loads.incrementAndGet();
            return "<p>once</p>";
        }));
        assertEquals("<p>once</p>", cache.get(key, String.class, () -> "again" + loads.incrementAndGet()));
        assertEquals(1, loads.get());

        Object stored = l2.get(cache.versionedKey(key));
        assertInstanceOf(byte[].class, stored, "L2 holds marshalled bytes");
        assertEquals("<p>once</p>", Marshalling.fromBytes((byte[]) stored));
    }

    @Test
    void aWriteInvalidatesTheQuestionPageOnceItReturns() {
        Fixture f = new Fixture("inv");
        QuestionSummary q = f.ask("Why does my chain skip under load?");
        QuestionDetail before = pages.view(f.site.id(), q.number(), null);
        assertEquals(0, before.answers().size());
        assertTrue(
                l2.get(cache.versionedKey(CacheKey.question(f.site.id(), q.number()))) instanceof byte[] bytes
                        && Marshalling.fromBytes(bytes).equals(before),
                "the page's data round-trips through ProtoStream in L2");

        long answer =
                questions.answer(f.answerer, q.number(), "A worn chain or cassette; measure the chain stretch first.");
        QuestionDetail after = pages.view(f.site.id(), q.number(), null);
        assertEquals(
                List.of(answer), after.answers().stream().map(a -> a.number()).toList(), "no stale page after a write");

        votes.vote(f.answerer, q.number(), VoteType.UP);
        assertEquals(1, pages.view(f.site.id(), q.number(), null).score());
        QuestionDetail mine = pages.view(f.site.id(), q.number(), f.answerer);
        assertEquals(VoteType.UP, mine.myVote(), "a logged-in viewer's own votes are laid over the shared page");
        assertNull(pages.view(f.site.id(), q.number(), null).myVote(), "and never leak into it");
    }

    @Test
    void sitesNeverSeeEachOthersEntries() {
        Fixture a = new Fixture("sa");
        Fixture b = new Fixture("sb");
        QuestionSummary qa = a.ask("A question that only site A has asked?");
        QuestionSummary qb = b.ask("A question that only site B has asked?");
        assertEquals(qa.number(), qb.number(), "both sites number their first question 1");
        assertEquals(qa.title(), pages.view(a.site.id(), qa.number(), null).title());
        assertEquals(qb.title(), pages.view(b.site.id(), qb.number(), null).title());
    }

    @Test
    void creatingASiteClearsItsCachedAbsence() {
        String name = ParleyDeployment.unique("new");
        String host = name + ".localhost";
        assertFalse(sites.findByHost(host).isPresent());
        assertFalse(sites.findByHost(host).isPresent(), "the absence is cached");
        SiteInfo created = sites.ensureSite(host, name, "New " + name, "");
        assertEquals(created, sites.findByHost(host).orElseThrow());
    }

    @Test
    void statisticsAreReportedPerCacheInMemcachedTerms() {
        List<StatsSnapshot> stats = cache.stats();
        assertTrue(stats.stream().anyMatch(s -> s.cache().equals("l2")), stats.toString());
        StatsSnapshot l2Stats =
                stats.stream().filter(s -> s.cache().equals("l2")).findFirst().orElseThrow();
        assertTrue(l2Stats.evictions() >= 0, "L2 evictions read from WildFly's model: " + l2Stats.evictions());
        assertTrue(l2Stats.stats()
                .keySet()
                .containsAll(List.of("curr_items", "bytes", "cmd_get", "get_hits", "evictions")));
    }

    @Test
    void statisticsAreSharedAcrossTheClusterWithPercentiles() {
        CacheKey key = CacheKey.of(Region.FRAGMENT, 1, ParleyDeployment.unique("st"), Scope.post(1, 98));
        cache.get(key, String.class, () -> "<p>counted</p>");
        cache.get(key, String.class, () -> "<p>again</p>");
        List<ServerStats> servers = cluster.servers();
        ServerStats mine = servers.stream()
                .filter(s -> s.server().equals(org.parley.common.ClusterNode.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("this server published its figures: " + servers));
        StatsSnapshot fragments = mine.caches().stream()
                .filter(s -> s.cache().equals("l1.fragment"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                fragments.getHits() >= 1 && fragments.histogram().getTotalCount() == fragments.cmdGet(),
                "every get is in the distribution: " + fragments.stats());
        assertTrue(fragments.getNanosAt(99) >= fragments.getNanosAt(50));
        List<StatsSnapshot> totals = ClusterStats.totals(servers);
        StatsSnapshot total = totals.stream()
                .filter(s -> s.cache().equals("l1.fragment"))
                .findFirst()
                .orElseThrow();
        assertEquals(StatsSnapshot.CLUSTER, total.server());
        assertEquals(
                servers.stream()
                        .mapToLong(s -> s.caches().stream()
                                .filter(c -> c.cache().equals("l1.fragment"))
                                .mapToLong(StatsSnapshot::cmdGet)
                                .sum())
                        .sum(),
                total.cmdGet(),
                "totals add up every server's gets");
    }

    @Test
    void viewsAreTalliedInMemoryAndWrittenByTheFlush() {
        Fixture f = new Fixture("vt");
        QuestionSummary q = f.ask("How many times was this question read?");
        long before = questions.view(f.site.id(), q.number(), null).viewCount();
        for (int i = 0; i < 5; i++) {
            views.count(f.site.id(), q.number());
        }
        views.flush();
        // The scheduled flush may have taken them first and be committing: wait for it, not longer than a few periods.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        long after = questions.view(f.site.id(), q.number(), null).viewCount();
        while (after < before + 5 && System.nanoTime() < deadline) {
            sleep(100);
            after = questions.view(f.site.id(), q.number(), null).viewCount();
        }
        assertEquals(before + 5, after, "five views counted in memory reach the row");
        views.flush();
        assertEquals(before + 5, questions.view(f.site.id(), q.number(), null).viewCount(), "and are written once");
    }

    @Test
    void theCountShownNeverMissesViewsAFlushIsWriting() throws Exception {
        Fixture f = new Fixture("vf");
        QuestionSummary q = f.ask("How often is this question read while its views are written?");
        long expected = views.current(f.site.id(), q.number());
        java.util.concurrent.ExecutorService flusher = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            for (int round = 0; round < 40; round++) {
                views.count(f.site.id(), q.number());
                expected++;
                java.util.concurrent.Future<?> flushing = flusher.submit(views::flush);
                // Before, the flush took the views from memory and the row showed them only once it committed: a
                // page read in between said fewer views than there were.
                do {
                    assertEquals(expected, views.current(f.site.id(), q.number()), "round " + round);
                } while (!flushing.isDone());
                flushing.get();
                assertEquals(expected, views.current(f.site.id(), q.number()), "round " + round + ", flushed");
            }
        } finally {
            flusher.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A fresh site with an asker and an answerer. */
    private class Fixture {
        final SiteInfo site;
        final Actor asker;
        final Actor answerer;

        Fixture(String prefix) {
            String name = ParleyDeployment.unique(prefix);
            site = sites.ensureSite(name + ".localhost", name, "Cache " + name, "A site for one test");
            reputations.open(site.id()); // new users vote here
            users.createUser(site.id(), "asker", "Asker", "correct-horse-battery", Role.USER);
            users.createUser(site.id(), "answerer", "Answerer", "correct-horse-battery", Role.USER);
            asker = users.actorFor(site.id(), "asker").orElseThrow();
            answerer = users.actorFor(site.id(), "answerer").orElseThrow();
        }

        QuestionSummary ask(String title) {
            return questions.ask(
                    asker, title, "A body long enough to be a real question about bicycles.", List.of("cache"));
        }
    }
}
