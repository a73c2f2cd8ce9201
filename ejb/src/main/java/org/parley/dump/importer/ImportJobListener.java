package org.parley.dump.importer;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Makes sure an import whose job failed or stopped says so, even when no step recorded why. */
@Named("importJobListener")
@Dependent
public class ImportJobListener extends AbstractJobListener {

    @Inject
    private JobContext job;

    @Inject
    private ImportRecords records;

    @Override
    public void afterJob() {
        long importId = Long.parseLong(job.getProperties().getProperty(ImportJob.IMPORT_ID));
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
