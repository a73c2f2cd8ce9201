package org.parley.dump.export;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.dump.DumpFile;
import org.parley.dump.importer.DumpDatabase;

/** The one step of the export job: writes the site's eight files; the exit status says how many rows each got. */
@Named("exportBatchlet")
@Dependent
public class ExportBatchlet extends AbstractBatchlet {

    private static final Logger log = Logger.getLogger(ExportBatchlet.class.getName());

    @Inject
    private JobContext job;

    @Inject
    private DumpDatabase db;

    @Override
    public String process() throws Exception {
        long siteId = Long.parseLong(job.getProperties().getProperty("siteId"));
        Path out = Path.of(job.getProperties().getProperty("out"));
        long started = System.nanoTime();
        try (Connection c = db.connection()) {
            Map<DumpFile, Long> rows = new DumpExporter(c, siteId).export(out);
            StringBuilder status = new StringBuilder("COMPLETED");
            rows.forEach((f, n) ->
                    status.append(' ').append(f.fileName()).append('=').append(n));
            job.setExitStatus(status.toString());
            log.log(Level.INFO, "Exported site {0} to {1} in {2} ms: {3}", new Object[] {
                siteId, out, (System.nanoTime() - started) / 1_000_000, rows
            });
            return status.toString();
        } catch (Exception e) {
            job.setExitStatus("FAILED " + e);
            throw e;
        }
    }
}
