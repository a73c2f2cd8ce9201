package org.parley.dump.importer;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.file.Path;
import java.sql.Connection;
import org.parley.dump.DumpFile;
import org.parley.dump.DumpFormatException;
import org.parley.dump.DumpReader;
import org.parley.dump.DumpRow;

/**
 * Reads one dump file row by row. Resumes after the position the last committed chunk recorded in the ledger (the
 * batch checkpoint may lag it by a chunk after a crash; the ledger never does), and tells the writer how many bytes
 * are behind it through the step's transient data.
 */
@Named("dumpItemReader")
@Dependent
public class DumpItemReader extends AbstractItemReader {

  @Inject private JobContext job;
  @Inject private StepContext step;
  @Inject private DumpDatabase db;
  @Inject private ImportLedger ledger;
  @Inject private ImportRecords records;

  @Inject
  @BatchProperty(name = "file")
  private String file;

  private DumpReader reader;
  private long importId;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    importId = Long.parseLong(job.getProperties().getProperty(ImportJob.IMPORT_ID));
    DumpFile kind = DumpFile.byFileName(file);
    DumpImport record = records.find(importId);
    long position;
    try (Connection c = db.connection()) {
      position = ledger.get(c, importId, file, ImportLedger.POSITION);
    }
    try {
      reader = DumpReader.open(Path.of(record.getDir()), kind);
      reader.skip(position);
    } catch (DumpFormatException e) {
      records.failed(importId, e.getMessage());
      throw e;
    }
  }

  @Override
  public Object readItem() {
    try {
      DumpRow row = reader.next();
      step.setTransientUserData(reader.bytesRead());
      return row;
    } catch (DumpFormatException e) {
      records.failed(importId, e.getMessage());
      throw e;
    }
  }

  @Override
  public Serializable checkpointInfo() {
    return reader == null ? 0L : reader.ordinal();
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.close();
    }
  }
}
