package org.parley.dump.importer;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where one import stands, for the progress bar of {@code scripts/import.sh} and the admin page: rows and bytes done
 * of the totals the validation step counted, rate and time left, one line per file, warnings (one per file the dump
 * folder lacks, saying what the site will lack), and the search indexing step's documents (one per post row; {@code
 * percent} counts them with the rows).
 */
public record ImportStatus(
        long id,
        String status,
        String siteHost,
        String siteName,
        String dir,
        String message,
        List<String> warnings,
        Instant createdAt,
        Instant finishedAt,
        long rowsTotal,
        long rowsDone,
        long bytesTotal,
        int percent,
        long rowsPerSecond,
        long etaSeconds,
        long parseMillis,
        List<FileStatus> files,
        long postsToIndex,
        long postsIndexed)
        implements Serializable {

    /**
     * One file's figures: rows in it, read, imported, and skipped rows and notes by reason; {@code missing} when the
     * dump folder did not have the file (its figures are then all 0).
     */
    public record FileStatus(
            String file,
            boolean missing,
            long total,
            long read,
            long imported,
            long skipped,
            Map<String, Long> skips,
            Map<String, Long> notes)
            implements Serializable {

        /** The summary line import.sh prints, e.g. {@code Votes.xml: 5671 read, 5600 imported, 71 skipped (...)}. */
        public String summary() {
            if (missing) {
                return file + ": missing";
            }
            StringBuilder b = new StringBuilder()
                    .append(file)
                    .append(": ")
                    .append(read)
                    .append(" read, ")
                    .append(imported)
                    .append(" imported, ")
                    .append(skipped)
                    .append(" skipped");
            if (!skips.isEmpty()) {
                b.append(" (");
                String sep = "";
                for (Map.Entry<String, Long> e : skips.entrySet()) {
                    b.append(sep).append(e.getKey()).append(": ").append(e.getValue());
                    sep = ", ";
                }
                b.append(')');
            }
            return b.toString();
        }
    }

    public boolean isFinished() {
        return "COMPLETED".equals(status) || "FAILED".equals(status);
    }
}
