package org.parley.errorlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The errors waiting to be written, one entry per fingerprint: a flood of one error between two flushes is one
 * entry with a count, not a row per occurrence. Bounded to {@code capacity} distinct errors; an error that finds it
 * full is dropped and counted in {@link #dropped()} (the server log still has it).
 */
final class ErrorBuffer {

    private final Map<String, ErrorEvent> pending = new ConcurrentHashMap<>();
    private final int capacity;
    private final AtomicLong dropped = new AtomicLong();

    ErrorBuffer(int capacity) {
        this.capacity = capacity;
    }

    /** Adds {@code event} to its fingerprint's entry; false if it was dropped for want of room. */
    boolean add(ErrorEvent event) {
        if (pending.size() >= capacity && !pending.containsKey(event.fingerprint())) {
            dropped.incrementAndGet();
            return false;
        }
        pending.merge(event.fingerprint(), event, ErrorEvent::merge);
        return true;
    }

    /** Takes every waiting entry out of the buffer. */
    List<ErrorEvent> drain() {
        List<ErrorEvent> taken = new ArrayList<>();
        for (String key : List.copyOf(pending.keySet())) {
            ErrorEvent event = pending.remove(key);
            if (event != null) {
                taken.add(event);
            }
        }
        return taken;
    }

    /** Puts entries back that could not be written (merged with what came meanwhile), within the bound. */
    void putBack(List<ErrorEvent> events) {
        for (ErrorEvent event : events) {
            if (pending.size() >= capacity && !pending.containsKey(event.fingerprint())) {
                dropped.incrementAndGet();
            } else {
                pending.merge(event.fingerprint(), event, (newer, older) -> older.merge(newer));
            }
        }
    }

    int size() {
        return pending.size();
    }

    long dropped() {
        return dropped.get();
    }
}
