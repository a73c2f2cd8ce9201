package org.parley.dump.importer;

import java.util.Map;
import java.util.TreeMap;

/** What one chunk did with its rows: imported, or skipped with a reason; notes count imported rows with a quirk. */
final class Tally {
    long read;
    long imported;
    final Map<String, Long> skipped = new TreeMap<>();
    final Map<String, Long> notes = new TreeMap<>();
    /** Questions written naming an accepted answer, less the questions linked to theirs: may be negative. */
    long pendingLinks;

    void imported() {
        imported++;
    }

    void skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    void note(String reason) {
        notes.merge(reason, 1L, Long::sum);
    }
}
