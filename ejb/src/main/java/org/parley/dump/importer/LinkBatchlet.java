package org.parley.dump.importer;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import org.parley.dump.DumpFile;

/**
 * Once all posts are in: counts the imported questions still waiting for their accepted answer (the posts step links
 * each question when its accepted answer is written) as "accepted answer not in the dump". Their AcceptedAnswerId is
 * kept for export.
 */
@Named("linkBatchlet")
@Dependent
public class LinkBatchlet extends AbstractBatchlet {

    @Inject
    private JobContext job;

    @Inject
    private DumpDatabase db;

    @Inject
    private ImportLedger ledger;

    @Inject
    private ImportRecords records;

    @Override
    public String process() throws Exception {
        long importId = Long.parseLong(job.getProperties().getProperty(ImportJob.IMPORT_ID));
        try (Connection c = db.connection()) {
            String posts = DumpFile.POSTS.fileName();
            long dangling = Math.max(0, ledger.get(c, importId, posts, ImportLedger.PENDING_LINKS));
            ledger.set(c, importId, posts, ImportLedger.NOTE + "accepted answer not in the dump", dangling);
        } catch (Exception e) {
            records.failed(importId, "Counting unlinked accepted answers failed: " + e);
            throw e;
        }
        return "LINKED";
    }
}
