package org.parley.search;

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
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.post.PostChanged;
import org.parley.post.RemotePostChanged;

/**
 * Keeps the question and answer indexes fresh on every server.
 *
 * <ul>
 *   <li>A post's own document is written by Hibernate Search when the transaction that changed the post commits, on
 *       the server that wrote it. What an answer's document reads from its question (tags, closed, accepted) is written
 *       here, when the question's change commits ({@link PostChanged} after success).
 *   <li>With the Lucene backend each server has an index of its own: a change committed on another server arrives as
 *       {@link RemotePostChanged} (the events topic) and is written here too. With OpenSearch the index is shared and
 *       the writer's document serves every server.
 *   <li>Every {@value #CATCH_UP_SECONDS} s a catch-up compares the row versions of recently changed posts in the
 *       database with those in their documents and writes the documents that differ or are missing: a server that
 *       died between its commit and its index write, an event lost with a broker, a server that was down while others
 *       wrote (its first run starts from the newest row version its index holds). It re-reads from the highest row
 *       version seen {@value #OVERLAP_RUNS} runs ago, for writers that commit after drawing a row version.
 * </ul>
 */
@Singleton
@Startup
@DependsOn("DemoContent")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PostIndexer {

    static final int CATCH_UP_SECONDS = 5;
    static final int CATCH_UP_BATCH = 5_000;
    static final int OVERLAP_RUNS = 3;

    private static final Logger log = Logger.getLogger(PostIndexer.class.getName());

    @EJB
    private PostIndex index;

    @EJB
    private PostIndexFreshness freshness;

    @EJB
    private IndexingProgress progress;

    private final ReentrantLock catchUpLock = new ReentrantLock();
    /** The highest row version seen by each of the last runs; null until the first run read the index's newest. */
    private long[] marks;

    @PostConstruct
    void start() {
        index.fillEmptySites();
    }

    /** Writes what a committed change on this server means for other documents than the changed post's own. */
    public void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostChanged change) {
        if (!touchesAnswers(change)) {
            return;
        }
        try {
            freshness.write(change, false);
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Could not index {0}; the catch-up repairs it: {1}", new Object[] {change, e});
        }
    }

    /** Writes a change committed on another server into this server's own index (Lucene only). */
    public void remote(@Observes RemotePostChanged remote) {
        if (!SearchBackend.local()) {
            return;
        }
        try {
            freshness.write(remote.change(), true);
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Could not index {0} from {1}; the catch-up repairs it: {2}", new Object[] {
                remote.change(), remote.origin(), e
            });
        }
    }

    /**
     * An accepted answer, or a question's edit (its tags), close or reopen, changes what its answers' documents say;
     * a question's deletion or undeletion takes its answers out of the index or puts them back.
     */
    static boolean touchesAnswers(PostChanged change) {
        boolean ofQuestion = change.postNumber() == change.questionNumber();
        return change.kind() == PostChanged.Kind.ACCEPTED
                || (ofQuestion
                        && (change.kind() == PostChanged.Kind.EDITED
                                || change.kind() == PostChanged.Kind.CLOSED
                                || change.kind() == PostChanged.Kind.REOPENED
                                || change.kind() == PostChanged.Kind.DELETED
                                || change.kind() == PostChanged.Kind.UNDELETED));
    }

    @Schedule(second = "*/" + CATCH_UP_SECONDS, minute = "*", hour = "*", persistent = false)
    void scheduledCatchUp() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Search index catch-up failed; next run retries: {0}", e.toString());
        }
    }

    /** The highest row version the catch-up has looked at (or passed over, for a paused site); -1 before its first run. */
    public long mark() {
        long[] current = marks;
        return current == null ? -1 : current[OVERLAP_RUNS - 1];
    }

    /**
     * Writes the documents of every post changed since the mark of {@value #OVERLAP_RUNS} runs ago whose document is
     * missing or older than the database's row, except posts of sites a dump import is writing here ({@link
     * IndexingProgress#pause}).
     *
     * @return how many documents were written; -1 when another catch-up runs or the index is still being filled
     */
    public int catchUp() {
        if (!catchUpLock.tryLock()) {
            return -1;
        }
        try {
            if (marks == null) {
                Long newest = freshness.newestIndexed();
                if (newest == null) {
                    return -1; // empty index: PostIndex.fillEmptySites fills it, or there is nothing to index
                }
                marks = new long[OVERLAP_RUNS];
                java.util.Arrays.fill(marks, newest);
            }
            // Read before the rows: every row version up to it is looked at below, or belongs to a paused site whose
            // import indexes it. The mark moves past a paused site's rows at once; it used to stay below them, and
            // every run walked every row the import had written so far (40 % of a core, 20 minutes into a
            // 1,000,000-question import).
            long top = freshness.newestRowVersion();
            long from = marks[0];
            long max = Math.max(marks[OVERLAP_RUNS - 1], top);
            int written = 0;
            while (true) {
                List<PostIndexFreshness.Version> changed =
                        freshness.changedSince(from, progress.paused(), CATCH_UP_BATCH);
                if (changed.isEmpty()) {
                    break;
                }
                written += freshness.writeStale(changed);
                from = changed.get(changed.size() - 1).rowVersion();
                max = Math.max(max, from);
                if (changed.size() < CATCH_UP_BATCH) {
                    break;
                }
            }
            System.arraycopy(marks, 1, marks, 0, OVERLAP_RUNS - 1);
            marks[OVERLAP_RUNS - 1] = max;
            if (written > 0) {
                log.log(Level.INFO, "Search index catch-up wrote {0} documents", written);
            }
            return written;
        } finally {
            catchUpLock.unlock();
        }
    }
}
