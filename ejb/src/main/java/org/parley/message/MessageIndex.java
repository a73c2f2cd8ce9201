package org.parley.message;

import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.search.mapper.orm.Search;
import org.parley.common.Actor;
import org.parley.rules.NotAllowedException;

/**
 * The life of the message search index beyond single deliveries: how full it is, filling it at start-up when it is
 * empty but delivered messages exist (a new server, a new OpenSearch, a deleted index directory), and rebuilding it
 * from the database on an admin's request. Hibernate Search creates the index itself when it is missing (schema
 * management {@code create-or-validate}, persistence.xml). Mass indexing runs on Hibernate Search's own threads
 * outside any transaction; these methods wait for it on a container thread ({@link Asynchronous}).
 */
@Stateless
public class MessageIndex {

    @jakarta.inject.Inject
    private org.parley.site.AdminScope adminScope;

    private static final Logger log = Logger.getLogger(MessageIndex.class.getName());

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @PersistenceUnit(unitName = "parley")
    private EntityManagerFactory emf;

    /** How many messages the index holds, and how many the database says it should (the delivered ones). */
    public record Status(long indexed, long delivered) implements java.io.Serializable {}

    public Status status() {
        return countIn(em);
    }

    /** {@link #status()} outside a transaction, where the container's entity manager does not stay open. */
    private Status statusNow() {
        try (EntityManager own = emf.createEntityManager()) {
            return countIn(own);
        }
    }

    private static Status countIn(EntityManager em) {
        long indexed = Search.session(em)
                .search(PrivateMessage.class)
                .where(f -> f.matchAll())
                .fetchTotalHitCount();
        long delivered = em.createQuery(
                        "select count(m) from PrivateMessage m where m.state = org.parley.message.MessageState.DELIVERED",
                        Long.class)
                .getSingleResult();
        return new Status(indexed, delivered);
    }

    /**
     * Indexes every delivered message when the index is empty and the database has some; otherwise does nothing.
     * Documents are keyed by message id, so two servers filling one shared index at once only repeat each other's work.
     *
     * @return how many messages were indexed (0 when nothing was to do)
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<Long> fillIfEmpty() {
        Status status = statusNow();
        if (status.indexed() > 0 || status.delivered() == 0) {
            log.log(Level.FINE, "Message index: {0} indexed, {1} delivered; nothing to fill", new Object[] {
                status.indexed(), status.delivered()
            });
            return new AsyncResult<>(0L);
        }
        log.log(Level.INFO, "Message index is empty; indexing {0} delivered messages", status.delivered());
        return new AsyncResult<>(reindex(false));
    }

    /**
     * Empties the message index and indexes every delivered message again from the database.
     *
     * @return how many messages the index holds afterwards
     * @throws NotAllowedException unless {@code admin} is one of the server's admins ({@link org.parley.site.AdminScope})
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<Long> rebuild(Actor admin) {
        adminScope.requireServerAdmin(admin, "rebuild the message index");
        log.log(Level.INFO, "Message index: rebuild requested by user {0}", admin.userId());
        reindex(true);
        return new AsyncResult<>(statusNow().indexed());
    }

    private long reindex(boolean purge) {
        long started = System.nanoTime();
        try {
            Search.mapping(emf)
                    .scope(PrivateMessage.class)
                    .massIndexer()
                    .purgeAllOnStart(purge)
                    .typesToIndexInParallel(1)
                    .threadsToLoadObjects(1)
                    .batchSizeToLoadObjects(100)
                    .startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while indexing messages", e);
        }
        long indexed = statusNow().indexed();
        log.log(Level.INFO, "Message index: {0} messages indexed in {1} ms", new Object[] {
            indexed, (System.nanoTime() - started) / 1_000_000
        });
        return indexed;
    }
}
