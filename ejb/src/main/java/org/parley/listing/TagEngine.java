package org.parley.listing;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.common.Page;
import org.parley.metrics.RequestTimings;
import org.parley.post.PostChanged;
import org.parley.post.QuestionSort;
import org.parley.post.RemotePostChanged;
import org.parley.tag.TagCount;

/**
 * The tag engine: one {@link SiteIndex} per site, built at start (after the demo content) and answering every
 * question list, the tag list, auto-completion and related tags from memory.
 *
 * <p>Fresh: a change committed here is applied when its transaction commits ({@link PostChanged} after success), one
 * from another server when its event arrives ({@link RemotePostChanged}), and every {@value #CATCH_UP_SECONDS} s a
 * catch-up re-reads the questions whose row version is above what an earlier run saw, repairing missed events. Each
 * batch re-reads the changed questions from the database and makes a new snapshot; readers never wait and never see
 * half a batch. Writers to one site serialise; one that finds its change already taken by the batch before it
 * returns at once (group commit), so a burst costs one snapshot per batch, not per change.
 */
@Singleton
@Startup
@DependsOn("DemoContent")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TagEngine {

    static final int CATCH_UP_SECONDS = 5;
    static final int CATCH_UP_BATCH = 10_000;
    /** Catch-up re-reads from the mark of this many runs ago, for writers that commit after drawing a row version. */
    private static final int OVERLAP_RUNS = 3;

    private static final Logger log = Logger.getLogger(TagEngine.class.getName());

    @EJB
    private TagIndexLoader loader;

    private final ConcurrentMap<Long, SiteEngine> sites = new ConcurrentHashMap<>();
    /** The fewest questions a tag has to get per-order runs; tests make it small. */
    int runMinimum = SiteIndex.RUN_MINIMUM;

    private final ReentrantLock catchUpLock = new ReentrantLock();
    private final long[] marks = new long[OVERLAP_RUNS];

    @PostConstruct
    void start() {
        long mark = loader.maxRowVersion();
        synchronized (marks) {
            java.util.Arrays.fill(marks, mark);
        }
        for (long siteId : loader.siteIds()) {
            site(siteId).index();
        }
    }

    // ---------------------------------------------------------------------------------------------------- queries

    /**
     * One page of the questions {@code expression} selects, in {@code sort} order, as numbers. Tags no question of the
     * site carries select nothing and are named in the result.
     *
     * @param page 1-based; a page past the end is empty
     * @param pageSize positive
     */
    public IdPage questions(long siteId, TagExpression expression, QuestionSort sort, int page, int pageSize) {
        try (var step = RequestTimings.step(RequestTimings.Kind.TAGS)) {
            List<String> unknown = new ArrayList<>();
            IdPage ids = site(siteId).index().questions(expression, sort, page, pageSize, unknown);
            return new IdPage(ids.numbers(), ids.total(), unknown);
        }
    }

    /** Tags in use on a site, most used first, optionally only those starting with {@code prefix} (already lower-case). */
    public Page<TagCount> tags(long siteId, String prefix, int page, int pageSize) {
        try (var step = RequestTimings.step(RequestTimings.Kind.TAGS)) {
            return site(siteId).index().tags(prefix == null ? "" : prefix, page, pageSize);
        }
    }

    /** The names of the most used tags starting with {@code prefix}, at most {@code limit}. */
    public List<String> complete(long siteId, String prefix, int limit) {
        try (var step = RequestTimings.step(RequestTimings.Kind.TAGS)) {
            return site(siteId).index().complete(prefix, limit);
        }
    }

    /** The tags found most often beside those of {@code expression}, with how many of its questions carry each. */
    public List<TagCount> related(long siteId, TagExpression expression, int limit) {
        try (var step = RequestTimings.step(RequestTimings.Kind.TAGS)) {
            return site(siteId).index().related(expression, limit);
        }
    }

    /** What the index of a site holds, for logs, tests and benchmarks. */
    public record Stats(int questions, int tags, long bytes) {

        public double bytesPerQuestion() {
            return questions == 0 ? 0 : (double) bytes / questions;
        }
    }

    public Stats stats(long siteId) {
        SiteIndex index = site(siteId).index();
        return new Stats(index.questionCount(), index.tagCount(), index.estimatedBytes());
    }

    // ---------------------------------------------------------------------------------------------------- freshness

    /** Applies a change committed on this server, once committed. A failure is logged; the catch-up repairs it. */
    public void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostChanged change) {
        try {
            refresh(change.siteId(), List.of(change.questionNumber()));
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Tag engine could not apply {0}; the catch-up will: {1}", new Object[] {change, e});
        }
    }

    /** Applies a change committed on another server; a failure goes back to the topic's consumer, to be redelivered. */
    public void remote(@Observes RemotePostChanged remote) {
        refresh(remote.change().siteId(), List.of(remote.change().questionNumber()));
    }

    /**
     * Re-reads these questions of a site and applies them; a number without a question leaves the lists. Returns once
     * they are applied, by this call or by a batch that took them.
     */
    public void refresh(long siteId, Collection<Long> questionNumbers) {
        SiteEngine site = site(siteId);
        site.pending.addAll(questionNumbers);
        site.lock.lock();
        try {
            site.index();
            List<Long> batch = new ArrayList<>();
            for (Long n = site.pending.poll(); n != null; n = site.pending.poll()) {
                batch.add(n);
            }
            if (batch.isEmpty()) {
                return;
            }
            List<QuestionRow> rows = loader.byNumbers(siteId, new HashSet<>(batch));
            Set<Long> gone = new HashSet<>(batch);
            rows.forEach(r -> gone.remove(r.number()));
            site.index = site.index.withChanges(rows, gone);
        } finally {
            site.lock.unlock();
        }
    }

    @Schedule(second = "*/" + CATCH_UP_SECONDS, minute = "*", hour = "*", persistent = false)
    void scheduledCatchUp() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Tag engine catch-up failed; next run retries: {0}", e.toString());
        }
    }

    /**
     * Re-reads every question whose row version is above the highest seen {@value #OVERLAP_RUNS} runs ago and applies
     * what the indexes lack. Sites not indexed yet are skipped: they read everything when first used.
     *
     * @return how many changed rows were read; -1 when another catch-up is running
     */
    public int catchUp() {
        if (!catchUpLock.tryLock()) {
            return -1;
        }
        try {
            long from;
            synchronized (marks) {
                from = marks[0];
            }
            long max = from;
            int read = 0;
            while (true) {
                List<TagIndexLoader.SiteRow> rows = loader.changedSince(from, CATCH_UP_BATCH);
                Map<Long, List<QuestionRow>> bySite = new LinkedHashMap<>();
                Map<Long, List<Long>> goneBySite = new LinkedHashMap<>();
                for (TagIndexLoader.SiteRow r : rows) {
                    bySite.computeIfAbsent(r.siteId(), s -> new ArrayList<>());
                    if (r.deleted()) {
                        goneBySite
                                .computeIfAbsent(r.siteId(), s -> new ArrayList<>())
                                .add(r.row().number());
                    } else {
                        bySite.get(r.siteId()).add(r.row());
                    }
                    from = Math.max(from, r.row().rowVersion());
                }
                bySite.forEach((site, live) -> applyRows(site, live, goneBySite.getOrDefault(site, List.of())));
                read += rows.size();
                max = Math.max(max, from);
                if (rows.size() < CATCH_UP_BATCH) {
                    break;
                }
            }
            synchronized (marks) {
                System.arraycopy(marks, 1, marks, 0, OVERLAP_RUNS - 1);
                marks[OVERLAP_RUNS - 1] = max;
            }
            return read;
        } finally {
            catchUpLock.unlock();
        }
    }

    private void applyRows(long siteId, List<QuestionRow> rows, List<Long> gone) {
        SiteEngine site = sites.get(siteId);
        if (site == null || site.index == null) {
            return;
        }
        site.lock.lock();
        try {
            site.index = site.index.withChanges(rows, gone);
        } finally {
            site.lock.unlock();
        }
    }

    // ---------------------------------------------------------------------------------------------------- building

    private SiteEngine site(long siteId) {
        return sites.computeIfAbsent(siteId, SiteEngine::new);
    }

    private SiteIndex build(long siteId) {
        long started = System.nanoTime();
        SiteIndexBuilder builder = new SiteIndexBuilder(runMinimum);
        loader.stream(siteId, builder::add);
        long read = System.nanoTime();
        SiteIndex index = builder.build();
        long bytes = index.estimatedBytes();
        int questions = index.questionCount();
        log.log(
                Level.INFO,
                "Tag engine: site {0} indexed, {1} questions and {2} tags in {3} ms ({6} ms reading), {4} bytes ({5} per"
                        + " question)",
                new Object[] {
                    siteId,
                    questions,
                    index.tagCount(),
                    (System.nanoTime() - started) / 1_000_000,
                    bytes,
                    questions == 0 ? 0 : bytes / questions,
                    (read - started) / 1_000_000
                });
        return index;
    }

    /** One site: its current snapshot (null until built), and the changes waiting for the next batch. */
    private final class SiteEngine {
        final long siteId;
        final ReentrantLock lock = new ReentrantLock();
        final ConcurrentLinkedQueue<Long> pending = new ConcurrentLinkedQueue<>();
        volatile SiteIndex index;

        SiteEngine(long siteId) {
            this.siteId = siteId;
        }

        /** The current snapshot, built from the database on first use. */
        SiteIndex index() {
            SiteIndex current = index;
            if (current != null) {
                return current;
            }
            lock.lock();
            try {
                if (index == null) {
                    index = build(siteId);
                }
                return index;
            } finally {
                lock.unlock();
            }
        }
    }
}
