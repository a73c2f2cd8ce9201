package org.parley.errorlog;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.common.ClusterNode;

/**
 * Where every capture point reports an unexpected exception. {@link #record} only touches memory (a bounded {@link
 * ErrorBuffer}), so it costs the failing request nothing and cannot fail with the database; every
 * {@value #FLUSH_SECONDS} seconds (and on {@link #flush()}) the buffer is written by {@link ErrorLogStore} in a
 * transaction of its own. What a failed write took out goes back into the buffer for the next flush.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ErrorLog {

    static final int FLUSH_SECONDS = 5;
    /** Distinct errors kept in memory between two flushes. */
    static final int CAPACITY = 500;

    private static final Logger log = Logger.getLogger(ErrorLog.class.getName());

    private final ErrorBuffer buffer = new ErrorBuffer(CAPACITY);
    private final Object flushing = new Object();

    @EJB
    private ErrorLogStore store;

    /**
     * Notes {@code thrown} unless it is an {@link Expected} failure. Never throws.
     *
     * @return whether it was noted
     */
    public boolean record(Throwable thrown, ErrorContext context) {
        try {
            if (thrown == null || Expected.is(thrown)) {
                return false;
            }
            return buffer.add(ErrorEvent.of(
                    thrown, context == null ? ErrorContext.of(null) : context, ClusterNode.name(), Instant.now()));
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Could not note an error for the exception log", e);
            return false;
        }
    }

    /** Writes what waits now; the timer calls it, and tests that want the rows at once. */
    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    public void flush() {
        synchronized (flushing) {
            List<ErrorEvent> events = buffer.drain();
            if (events.isEmpty()) {
                return;
            }
            try {
                store.write(events);
            } catch (RuntimeException e) {
                buffer.putBack(events);
                log.log(
                        Level.WARNING,
                        "Could not write {0} errors to the exception log; kept for the next try: {1}",
                        new Object[] {events.size(), e.toString()});
            }
        }
    }

    /** Errors dropped since start because the buffer was full. */
    public long dropped() {
        return buffer.dropped();
    }
}
