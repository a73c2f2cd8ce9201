package org.parley.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the {@link MessageDelivered} events that committed, per message, and injects failures: deliveries to a
 * recipient in {@link #failFor} throw inside the delivering transaction, as a broken downstream step would. Deployed
 * inside the EJB module, where those events reach.
 */
@ApplicationScoped
public class DeliveryRecorder {

    private final Map<Long, AtomicInteger> fired = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> committed = new ConcurrentHashMap<>();
    private final Set<Long> failing = ConcurrentHashMap.newKeySet();

    void fired(@Observes MessageDelivered event) {
        fired.computeIfAbsent(event.messageId(), id -> new AtomicInteger()).incrementAndGet();
        if (failing.contains(event.recipientId())) {
            throw new IllegalStateException("Injected delivery failure for recipient " + event.recipientId());
        }
    }

    void committed(@Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS) MessageDelivered event) {
        committed.computeIfAbsent(event.messageId(), id -> new AtomicInteger()).incrementAndGet();
    }

    /** Deliveries to {@code recipientId} fail from now on. */
    public void failFor(long recipientId) {
        failing.add(recipientId);
    }

    public void stopFailing(long recipientId) {
        failing.remove(recipientId);
    }

    /** How many deliveries of {@code messageId} committed. */
    public int committed(long messageId) {
        AtomicInteger n = committed.get(messageId);
        return n == null ? 0 : n.get();
    }

    /** How many delivery attempts of {@code messageId} fired the event (committed or rolled back). */
    public int attempts(long messageId) {
        AtomicInteger n = fired.get(messageId);
        return n == null ? 0 : n.get();
    }
}
