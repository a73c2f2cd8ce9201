package org.parley.dump.importer;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.search.PostIndex;

/**
 * Makes the imported site searchable: writes every post of the site to the search index ({@link
 * PostIndex#indexSite}), after the site's own part of the index is emptied, so that a restarted step never leaves a
 * document twice. While it runs, the import's status reads its progress from {@link org.parley.search.IndexingProgress};
 * at the end the ledger keeps the count under {@value #FILE}.
 */
@Named("indexBatchlet")
@Dependent
public class IndexBatchlet extends AbstractBatchlet {

    /** The ledger's "file" of the indexing step, and its line on the progress report. */
    public static final String FILE = "search index";

    private static final Logger log = Logger.getLogger(IndexBatchlet.class.getName());

    @Inject
    private JobContext job;

    @Inject
    private DumpDatabase db;

    @Inject
    private ImportLedger ledger;

    @Inject
    private ImportRecords records;

    @EJB
    private PostIndex index;

    @Override
    public String process() throws Exception {
        long importId = Long.parseLong(job.getProperties().getProperty(ImportJob.IMPORT_ID));
        long siteId = records.find(importId).getSiteId();
        long indexed;
        try {
            indexed = index.indexSite(siteId, true, null);
        } catch (RuntimeException e) {
            records.failed(importId, "Indexing the site for search failed: " + e);
            throw e;
        }
        try (Connection c = db.connection()) {
            ledger.set(c, importId, FILE, ImportLedger.READ, indexed);
            ledger.set(c, importId, FILE, ImportLedger.IMPORTED, indexed);
        }
        log.log(Level.INFO, "Import {0}: {1} posts indexed for search", new Object[] {importId, indexed});
        return "COMPLETED";
    }
}
