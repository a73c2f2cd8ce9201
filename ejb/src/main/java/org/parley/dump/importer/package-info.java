/**
 * Importing a Stack Exchange data dump into a site as the Jakarta Batch job {@value
 * org.parley.dump.importer.ImportJob#NAME} ({@code META-INF/batch-jobs}): a validation step parses every file once
 * (nothing is written when Posts.xml is missing or a file is cut off, not XML or not UTF-8; any other missing file
 * becomes a warning and its step reads nothing: {@link DumpScan}), then one chunk step per file streams its
 * rows with StAX (Woodstox), two chunks ahead on a thread of its own ({@link ReadAhead}), and writes them in one write step all
 * files share ({@link RowImporter#write}; each file's importer says only what its rows are keyed by, what they refer
 * to and which columns it sets), through {@link Batches}: JDBC batches on H2 and SQL Server, the driver's COPY on
 * PostgreSQL ({@link PgCopy}). The posts step points each question at its accepted answer when it
 * writes the answer (on PostgreSQL in the same streamed COPY as the question when both are in the chunk, by an update
 * otherwise); two batchlets count the questions left without theirs and finish the site's counters.
 *
 * <p>Restart and idempotency: each chunk's transaction also writes the file's position and counts to {@code
 * dump_import_count}, so a restarted step (after a failure or a {@code kill -9}; {@link ImportResumer} restarts
 * interrupted imports at deployment) resumes exactly after the last committed chunk. Rows are matched by natural keys
 * (site and number, or site and the dump's Id); rows already present are skipped ("already imported"), so importing
 * the same dump twice duplicates nothing. Every row that is not imported is counted with its reason; nothing in the
 * data stops an import.
 */
package org.parley.dump.importer;
