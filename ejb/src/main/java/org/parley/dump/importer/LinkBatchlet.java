package org.parley.dump.importer;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import org.parley.dump.DumpFile;

/**
 * Once all posts are in: points each imported question at its accepted answer (an AcceptedAnswerId may name an
 * answer later in the file). An accepted answer that is not in the dump is counted as a note and kept for export.
 */
@Named("linkBatchlet")
@Dependent
public class LinkBatchlet extends AbstractBatchlet {

  @Inject private JobContext job;
  @Inject private DumpDatabase db;
  @Inject private ImportLedger ledger;
  @Inject private ImportRecords records;

  @Override
  public String process() throws Exception {
    long importId = Long.parseLong(job.getProperties().getProperty(ImportJob.IMPORT_ID));
    long siteId = records.find(importId).getSiteId();
    try (Connection c = db.connection()) {
      long dangling = ImportSteps.linkAcceptedAnswers(c, siteId);
      ledger.set(
          c, importId, DumpFile.POSTS.fileName(), ImportLedger.NOTE + "accepted answer not in the dump", dangling);
    } catch (Exception e) {
      records.failed(importId, "Linking accepted answers failed: " + e);
      throw e;
    }
    return "LINKED";
  }
}
