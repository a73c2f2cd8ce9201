package org.parley.dump.importer;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.parley.search.IndexingProgress;

/**
 * Makes sure an import whose job failed or stopped says so, even when no step recorded why; and keeps the search
 * index's catch-up away from the site while the job writes it ({@link IndexingProgress#pause}: the job's last step
 * indexes every post at once). A new site is paused by {@link ValidateBatchlet} once it exists.
 */
@Named("importJobListener")
@Dependent
public class ImportJobListener extends AbstractJobListener {

    @Inject
    private JobContext job;

    @Inject
    private ImportRecords records;

    @EJB
    private IndexingProgress indexing;

    @Override
    public void beforeJob() {
        long importId = Long.parseLong(job.getProperties().getProperty(ImportJob.IMPORT_ID));
        DumpImport record = records.find(importId);
        if (record != null && record.getSiteId() != null) {
            indexing.pause(record.getSiteId());
        }
    }

    @Override
    public void afterJob() {
        long importId = Long.parseLong(job.getProperties().getProperty(ImportJob.IMPORT_ID));
        DumpImport started = records.find(importId);
        if (started != null && started.getSiteId() != null) {
            indexing.resume(started.getSiteId());
        }
        BatchStatus status = job.getBatchStatus();
        if (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) {
            DumpImport record = records.find(importId);
            if (record != null && record.getStatus() != DumpImport.Status.FAILED) {
                records.failed(
                        importId, "The import job " + status.name().toLowerCase() + " (" + job.getExitStatus() + ")");
            }
        }
    }
}
