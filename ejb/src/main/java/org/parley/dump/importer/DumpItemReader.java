package org.parley.dump.importer;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.file.Path;
import java.sql.Connection;
import org.parley.dump.DumpFile;
import org.parley.dump.DumpFormatException;
import org.parley.dump.DumpReader;
import org.parley.markdown.MarkdownRenderer;

/**
 * Reads one dump file row by row, a few chunks ahead on a thread of its own ({@link ReadAhead}). Resumes after the
 * position the last committed chunk recorded in the ledger (the batch checkpoint may lag it by a chunk after a
 * crash; the ledger never does), and tells the writer how many bytes are behind it through the step's transient
 * data. A file the folder lacked at validation ({@link ImportLedger#MISSING}) reads as empty, even if it turned up
 * since: the import's totals and warnings were made without it.
 */
@Named("dumpItemReader")
@Dependent
public class DumpItemReader extends AbstractItemReader {

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

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory threads;

    @Inject
    @BatchProperty(name = "file")
    private String file;

    private ReadAhead rows;
    private long ordinal;
    private long importId;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        importId = Long.parseLong(job.getProperties().getProperty(ImportJob.IMPORT_ID));
        DumpFile kind = DumpFile.byFileName(file);
        DumpImport record = records.find(importId);
        long position;
        try (Connection c = db.connection()) {
            if (ledger.get(c, importId, file, ImportLedger.MISSING) > 0) {
                return; // the folder had no such file when the import was validated: nothing to read
            }
            position = ledger.get(c, importId, file, ImportLedger.POSITION);
        }
        RowImporter importer = RowImporter.forFile(kind, new ImportContext(record.getSiteId(), db, markdown));
        DumpReader reader = null;
        try {
            reader = DumpReader.open(Path.of(record.getDir()), kind);
            reader.skip(position);
        } catch (DumpFormatException e) {
            if (reader != null) {
                reader.close();
            }
            records.failed(importId, e.getMessage());
            throw e;
        }
        ordinal = reader.ordinal();
        rows = new ReadAhead(reader, importer::prepare, threads, 2 * ImportJob.CHUNK);
    }

    @Override
    public Object readItem() throws InterruptedException {
        if (rows == null) {
            return null;
        }
        try {
            ReadAhead.Item item = rows.next();
            if (item == null) {
                return null;
            }
            ordinal = item.row().ordinal();
            step.setTransientUserData(item.bytes());
            return item.row();
        } catch (DumpFormatException e) {
            records.failed(importId, e.getMessage());
            throw e;
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return ordinal;
    }

    @Override
    public void close() {
        if (rows != null) {
            rows.close();
        }
    }
}
