package org.parley.dump.importer;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.cache.Scope;
import org.parley.cache.SharedCache;
import org.parley.tagwiki.TagWikiService;

/**
 * The last step: moves the site's number counters past the highest imported post and user numbers (the validation
 * step already moved them past every number the dump names, before the first row; this keeps a site imported by an
 * earlier version right), recounts the tags' questions, switches math rendering on when the posts
 * use TeX, drops the site's cached lists, and marks
 * the import completed. The tag engine picks the new questions up by their row versions (or reads the new site on
 * first use).
 */
@Named("finishBatchlet")
@Dependent
public class FinishBatchlet extends AbstractBatchlet {

    private static final Logger log = Logger.getLogger(FinishBatchlet.class.getName());

    @Inject
    private JobContext job;

    @Inject
    private DumpDatabase db;

    @Inject
    private ImportRecords records;

    @Inject
    private SharedCache cache;

    @Inject
    private TagWikiService tagWikis;

    @Override
    public String process() throws Exception {
        long importId = Long.parseLong(job.getProperties().getProperty(ImportJob.IMPORT_ID));
        long siteId = records.find(importId).getSiteId();
        try (Connection c = db.connection()) {
            ImportSteps.finishSite(c, siteId);
            // On a connection of its own: a failure here leaves the import's connection usable.
            try (Connection wc = db.connection()) {
                int wikis = TagWikiImport.run(wc, siteId, chunk -> tagWikis.importWikis(siteId, chunk));
                log.log(Level.INFO, "Import {0}: {1} tag wikis", new Object[] {importId, wikis});
            } catch (SQLException | RuntimeException e) {
                // Quirks never stop an import: the wiki posts stay in dump_post (and export), the tags show none.
                log.log(Level.WARNING, e, () -> "Import " + importId + ": the tag wikis could not be kept");
            }
            if (ImportSteps.detectMath(c, siteId)) {
                log.log(Level.INFO, "Import {0}: the posts use TeX math; math rendering is on for the site", importId);
            }
        } catch (Exception e) {
            records.failed(importId, "Finishing the import failed: " + e);
            throw e;
        }
        // Lists cached while the import ran (someone opened the new site early) would miss what came after.
        cache.invalidate(Scope.lists(siteId), Scope.sites());
        records.completed(importId);
        log.log(Level.INFO, "Import {0} completed", importId);
        return "COMPLETED";
    }
}
