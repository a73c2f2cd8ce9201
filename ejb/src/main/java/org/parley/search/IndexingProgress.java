package org.parley.search;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole-site indexings running on this server, with the documents each has written so far, and the sites whose
 * posts the catch-up of {@link PostIndexer} leaves alone here while a dump import writes them (the import's last step
 * indexes them all at once).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class IndexingProgress {

    private final ConcurrentMap<Long, AtomicLong> running = new ConcurrentHashMap<>();

    private final java.util.Set<Long> paused = ConcurrentHashMap.newKeySet();

    /** @return the counter the indexing of the site adds its documents to */
    public AtomicLong started(long siteId) {
        AtomicLong counter = new AtomicLong();
        running.put(siteId, counter);
        return counter;
    }

    public void finished(long siteId) {
        running.remove(siteId);
    }

    /** Documents written so far by the indexing of a site running here, or -1 when none runs. */
    public long running(long siteId) {
        AtomicLong counter = running.get(siteId);
        return counter == null ? -1 : counter.get();
    }

    /** The catch-up leaves the site's posts alone on this server until {@link #resume}. */
    public void pause(long siteId) {
        paused.add(siteId);
    }

    public void resume(long siteId) {
        paused.remove(siteId);
    }

    /** The sites whose posts the catch-up leaves alone now. */
    public java.util.Set<Long> paused() {
        return java.util.Set.copyOf(paused);
    }
}
