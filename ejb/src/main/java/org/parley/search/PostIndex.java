package org.parley.search;

import jakarta.annotation.Resource;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.parley.analysis.SearchNames;
import org.parley.common.Actor;
import org.parley.post.Answer;
import org.parley.post.Post;
import org.parley.post.Question;
import org.parley.rules.NotAllowedException;

/**
 * The life of the question and answer indexes beyond single writes: how full a site's part is, indexing a whole site
 * (after a dump import, and when an admin asks from /admin/sites), filling an empty index at start-up, and writing
 * and how many documents an indexing running here has written ({@link PostIndexer} keeps the index fresh).
 *
 * <p>Mass indexing runs on Hibernate Search's own threads outside any transaction; the methods that start it wait for
 * it on a container thread ({@link Asynchronous}) or on the caller's (the import's batch step).
 */
@Stateless
public class PostIndex {

    @jakarta.inject.Inject
    private org.parley.site.AdminScope adminScope;

    private static final Logger log = Logger.getLogger(PostIndex.class.getName());
    /** Posts loaded per batch when a site is indexed; two loading threads (the servers have few cores). */
    private static final int LOAD_BATCH = 200;

    private static final int LOAD_THREADS = 2;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @PersistenceUnit(unitName = "parley")
    private EntityManagerFactory emf;

    @EJB
    private IndexingProgress progress;

    @Resource
    private SessionContext context;

    /** How long the mass indexer's transactions may run: longer than indexing the largest site takes. */
    static final int INDEXING_TIMEOUT_SECONDS = 24 * 60 * 60;

    /**
     * How many of a site's posts the index holds, and how many belong in it: the database's posts but the deleted ones
     * and the answers of deleted questions.
     *
     * @param running documents written so far by a rebuild of the site running on this server, or -1 when none runs
     */
    public record Status(long indexed, long posts, long running) implements java.io.Serializable {

        /** Whether the index holds every post (a running rebuild is never complete). */
        public boolean complete() {
            return running < 0 && indexed == posts;
        }
    }

    public Status status(long siteId) {
        long indexed = Search.session(em)
                .search(List.of(Question.class, Answer.class))
                .where(f -> f.match().field(SearchNames.POST_SITE).matching(siteId))
                .routing(SiteRoutingBinder.key(siteId))
                .fetchTotalHitCount();
        // What belongs in the index: a deleted post, or an answer of a deleted question, stays out
        // (SiteRoutingBinder), so "N of N" means complete once a site has deleted posts too.
        long posts = em.createQuery(
                                "select count(q) from Question q where q.site.id = :site and q.deletedAt is null",
                                Long.class)
                        .setParameter("site", siteId)
                        .getSingleResult()
                + em.createQuery(
                                "select count(a) from Answer a where a.site.id = :site and a.deletedAt is null"
                                        + " and a.question.deletedAt is null",
                                Long.class)
                        .setParameter("site", siteId)
                        .getSingleResult();
        return new Status(indexed, posts, progress.running(siteId));
    }

    /**
     * Writes every post of a site to the index, on the caller's thread; without a transaction (the import's batch
     * step and {@link #rebuild} call it).
     *
     * @param purge whether to remove the site's documents first (a rebuild; a newly imported site has none)
     * @param monitor told of documents as they are written; may be null
     * @return how many documents were written
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long indexSite(long siteId, boolean purge, MassIndexingMonitor monitor) {
        long started = System.nanoTime();
        Counting counting = new Counting(progress.started(siteId), monitor);
        try {
            if (purge) {
                Search.mapping(emf).scope(Post.class).workspace().purge(Set.of(SiteRoutingBinder.key(siteId)));
            }
            MassIndexer indexer = Search.mapping(emf)
                    .scope(Post.class)
                    .massIndexer()
                    .purgeAllOnStart(false)
                    .typesToIndexInParallel(1)
                    .threadsToLoadObjects(LOAD_THREADS)
                    .batchSizeToLoadObjects(LOAD_BATCH)
                    // The identifiers of a type are read in one transaction: a site's 2,000,000 answers take longer
                    // than
                    // the server's default timeout, whose reaper then interrupted the read (and H2 closes its database
                    // when a thread reading it is interrupted: a 1,000,000-question import lost its server that way).
                    .transactionTimeout(INDEXING_TIMEOUT_SECONDS)
                    // One segment per index afterwards: a query looks each of its terms up in every segment, and the
                    // dozen segments a mass indexing leaves cost a search about as much as its scoring (and most of
                    // its garbage). Later writes add small segments that Lucene's merge policy keeps few.
                    .mergeSegmentsOnFinish(true)
                    .monitor(counting);
            indexer.type(Question.class).reindexOnly("e.site.id = :site").param("site", siteId);
            indexer.type(Answer.class).reindexOnly("e.site.id = :site").param("site", siteId);
            indexer.startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while indexing site " + siteId, e);
        } finally {
            progress.finished(siteId);
        }
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        long added = counting.added.get();
        log.log(Level.INFO, "Search index: site {0}, {1} posts indexed in {2} ms ({3}/s)", new Object[] {
            siteId, added, millis, added * 1000 / millis
        });
        return added;
    }

    /**
     * Empties a site's part of the index and writes every post of the site again, in the background; returns at once.
     *
     * @throws NotAllowedException unless {@code admin} is an admin of the site or the server (checked before anything
     *     starts)
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void rebuild(Actor admin, long siteId) {
        adminScope.requireAdminOf(admin, siteId, "rebuild its search index");
        if (progress.running(siteId) >= 0) {
            return; // already rebuilding here
        }
        log.log(Level.INFO, "Search index: rebuild of site {0} requested by user {1}", new Object[] {
            siteId, admin.userId()
        });
        context.getBusinessObject(PostIndex.class).rebuildInBackground(siteId);
    }

    /** {@link #rebuild}'s work, on a container thread; the caller checked the admin. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<Long> rebuildInBackground(long siteId) {
        return new AsyncResult<>(indexSite(siteId, true, null));
    }

    /**
     * Indexes every site whose posts have no document at all while the database has some (a new server with the Lucene
     * backend, a new OpenSearch, a deleted index directory, an upgrade from a version without post search, a site
     * imported while its indexing could not run); other sites are left to the catch-up.
     *
     * @return how many posts were indexed (0 when nothing was to do)
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<Long> fillEmptySites() {
        List<Long> empty = new java.util.ArrayList<>();
        try (EntityManager own = emf.createEntityManager()) {
            List<Long> withPosts = own.createQuery("select distinct p.site.id from Post p", Long.class)
                    .getResultList();
            for (long siteId : withPosts) {
                long indexed = Search.session(own)
                        .search(List.of(Question.class, Answer.class))
                        .where(f -> f.match().field(SearchNames.POST_SITE).matching(siteId))
                        .routing(SiteRoutingBinder.key(siteId))
                        .fetchTotalHitCount();
                if (indexed == 0
                        && progress.running(siteId) < 0
                        && !progress.paused().contains(siteId)) {
                    empty.add(siteId);
                }
            }
        }
        long total = 0;
        for (long siteId : empty) {
            log.log(Level.INFO, "Search index: site {0} has posts but no documents; indexing it", siteId);
            total += indexSite(siteId, false, null);
        }
        return new AsyncResult<>(total);
    }

    /** Counts the documents a mass indexing writes (where {@link IndexingProgress} reads them) and passes every figure on. */
    private record Counting(java.util.concurrent.atomic.AtomicLong added, MassIndexingMonitor next)
            implements MassIndexingMonitor {

        @Override
        public void documentsAdded(long increment) {
            added.addAndGet(increment);
            if (next != null) {
                next.documentsAdded(increment);
            }
        }

        @Override
        public void documentsBuilt(long increment) {
            if (next != null) {
                next.documentsBuilt(increment);
            }
        }

        @Override
        public void entitiesLoaded(long increment) {
            if (next != null) {
                next.entitiesLoaded(increment);
            }
        }

        @Override
        public void addToTotalCount(long increment) {
            if (next != null) {
                next.addToTotalCount(increment);
            }
        }

        @Override
        public void indexingCompleted() {
            if (next != null) {
                next.indexingCompleted();
            }
        }
    }
}
