package org.parley.dump.importer;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.parley.dump.DumpFile;
import org.parley.dump.DumpRow;
import org.parley.markdown.MarkdownRenderer;

/**
 * Writes a chunk of one file's rows through the file's {@link RowImporter} and records the chunk's counts and the
 * new position in the ledger, all in the chunk's transaction.
 */
@Named("dumpItemWriter")
@Dependent
public class DumpItemWriter extends AbstractItemWriter {

    @Inject
    private JobContext job;

    @Inject
    private StepContext step;

    @Inject
    private DumpDatabase db;

    @Inject
    private ImportLedger ledger;

    @Inject
    private ImportRecords records;

    @Inject
    private MarkdownRenderer markdown;

    @Inject
    @BatchProperty(name = "file")
    private String file;

    private static final java.util.logging.Logger log =
            java.util.logging.Logger.getLogger(DumpItemWriter.class.getName());

    private long importId;
    private RowImporter<?> importer;
    private long writeNanos;
    private long rowsWritten;
    private long openedAt;

    @Override
    public void open(Serializable checkpoint) {
        openedAt = System.nanoTime();
        importId = Long.parseLong(job.getProperties().getProperty(ImportJob.IMPORT_ID));
        DumpImport record = records.find(importId);
        ImportContext ctx = new ImportContext(record.getSiteId(), db, markdown);
        importer = RowImporter.forFile(DumpFile.byFileName(file), ctx);
    }

    @Override
    public void close() {
        log.log(
                java.util.logging.Level.INFO,
                "Import {0}, {1}: {2} rows {5}; {3} ms writing, {4} ms in the step",
                new Object[] {
                    importId,
                    file,
                    rowsWritten,
                    writeNanos / 1_000_000,
                    (System.nanoTime() - openedAt) / 1_000_000,
                    db.copies() ? "by COPY" : "in JDBC batches"
                });
    }

    @Override
    public void writeItems(List<Object> items) throws Exception {
        List<DumpRow> rows = new ArrayList<>(items.size());
        for (Object item : items) {
            rows.add((DumpRow) item);
        }
        Tally tally = new Tally();
        tally.read = rows.size();
        long position = rows.get(rows.size() - 1).ordinal();
        Object bytes = step.getTransientUserData();
        long started = System.nanoTime();
        try (Connection c = db.connection()) {
            importer.write(c, rows, tally);
            ledger.record(c, importId, file, tally, position, bytes instanceof Long b ? b : 0L);
            writeNanos += System.nanoTime() - started;
            rowsWritten += rows.size();
        } catch (Exception e) {
            records.failed(
                    importId,
                    file + " rows " + rows.get(0).ordinal() + "-" + position + " (from line "
                            + rows.get(0).line() + "): " + e);
            throw e;
        }
    }
}
