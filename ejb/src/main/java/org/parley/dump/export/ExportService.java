package org.parley.dump.export;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.common.Actor;
import org.parley.dump.importer.ImportJob;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;

/** Starting and following exports of a site to a folder on the server (the batch job {@code se-export}). */
@Stateless
public class ExportService {

    @jakarta.inject.Inject
    private org.parley.site.AdminScope adminScope;

    private static final Logger log = Logger.getLogger(ExportService.class.getName());

    @Inject
    private SiteService sites;

    /** Where an export stands: {@code status} is STARTING, STARTED, COMPLETED or FAILED; {@code detail} rows per file. */
    public record ExportStatus(long id, String site, String out, String status, String detail) {}

    /**
     * Starts exporting the site named {@code site} (its short name or host) into the folder {@code out} on the server.
     *
     * @throws NotAllowedException unless {@code actor} is one of the server's admins ({@link org.parley.site.AdminScope})
     * @throws NotFoundException for an unknown site
     * @throws InvalidInputException for a relative folder, one outside the export roots
     *     ({@link org.parley.dump.DumpFolders}), or one that exists and is not empty
     */
    public ExportStatus start(Actor actor, String site, String out) {
        adminScope.requireServerAdmin(actor, "export sites to the server's folders");
        SiteInfo info = find(site);
        Path folder = org.parley.dump.DumpFolders.exportFolder(out);
        try (var entries = Files.exists(folder) ? Files.list(folder) : java.util.stream.Stream.<Path>empty()) {
            if (Files.exists(folder)
                    && (!Files.isDirectory(folder) || entries.findAny().isPresent())) {
                throw new InvalidInputException("The export folder must be new or empty: " + folder);
            }
        } catch (java.io.IOException e) {
            throw new InvalidInputException("Cannot use the export folder " + folder + ": " + e.getMessage());
        }
        Properties params = new Properties();
        params.setProperty("siteId", Long.toString(info.id()));
        params.setProperty("out", folder.toString());
        long id = BatchRuntime.getJobOperator().start(ImportJob.EXPORT_NAME, params);
        log.log(Level.INFO, "Export {0} of {1} to {2} started", new Object[] {id, info.host(), folder});
        return new ExportStatus(id, info.host(), folder.toString(), "STARTING", null);
    }

    /** @throws NotFoundException for an unknown export */
    public ExportStatus status(long id) {
        JobExecution e;
        try {
            e = BatchRuntime.getJobOperator().getJobExecution(id);
        } catch (RuntimeException unknown) {
            throw new NotFoundException("No export " + id + ".");
        }
        if (e == null || !ImportJob.EXPORT_NAME.equals(e.getJobName())) {
            throw new NotFoundException("No export " + id + ".");
        }
        Properties p = e.getJobParameters();
        BatchStatus s = e.getBatchStatus();
        String status = s == BatchStatus.COMPLETED
                ? "COMPLETED"
                : s == BatchStatus.FAILED || s == BatchStatus.STOPPED || s == BatchStatus.ABANDONED
                        ? "FAILED"
                        : s.name();
        return new ExportStatus(id, p.getProperty("siteId"), p.getProperty("out"), status, e.getExitStatus());
    }

    private SiteInfo find(String site) {
        if (site == null || site.isBlank()) {
            throw new InvalidInputException("Name the site to export.");
        }
        String s = site.strip();
        return sites.list().stream()
                .filter(i -> i.name().equals(s) || i.host().equalsIgnoreCase(s))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No site named " + s + "."));
    }
}
