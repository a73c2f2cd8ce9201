package org.parley.message;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the commit of a delivery fail once, after everything in {@link MessageDeliveryService#deliver} ran (search
 * document written included): the transaction is marked rollback-only just before it completes, as a database that
 * fails at commit would. Artemis then redelivers the job. Deployed inside the EJB module, where the event reaches.
 */
@ApplicationScoped
public class CommitFailer {

    private final Set<Long> failOnce = ConcurrentHashMap.newKeySet();

    @Resource(lookup = "java:jboss/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry transactions;

    void beforeCommit(@Observes(during = TransactionPhase.BEFORE_COMPLETION) MessageDelivered event) {
        if (failOnce.remove(event.recipientId())) {
            transactions.setRollbackOnly();
        }
    }

    /** The next delivery to {@code recipientId} fails at commit; the one after succeeds. */
    public void failNextCommitFor(long recipientId) {
        failOnce.add(recipientId);
    }
}
