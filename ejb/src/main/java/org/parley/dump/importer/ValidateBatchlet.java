package org.parley.dump.importer;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.dump.DumpFile;
import org.parley.dump.DumpFormatException;
import org.parley.dump.DumpSiteNames;
import org.parley.search.IndexingProgress;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.user.PasswordHasher;

/**
 * The job's first step: parses every file of the folder to the end (well-formed, UTF-8, right root element; see
 * {@link DumpScan}), counting rows and bytes for the progress bar and noting the files the folder lacks (only
 * Posts.xml is required; each missing one becomes a warning of the import), and only then creates the site (or checks
 * that an existing one has no content of its own under the dump's numbers), moving its post and user counters past
 * every number the dump names before the first row is written. Any problem with a file that is there
 * fails the import with a message naming the file and line, and the database is left as it was.
 */
@Named("validateBatchlet")
@Dependent
public class ValidateBatchlet extends AbstractBatchlet {

    /** The ledger's "file" for figures of the whole import. */
    static final String ALL = "*";

    private static final Logger log = Logger.getLogger(ValidateBatchlet.class.getName());

    @EJB
    private IndexingProgress indexing;

    @Inject
    private JobContext job;

    @Inject
    private DumpDatabase db;

    @Inject
    private ImportLedger ledger;

    @Inject
    private ImportRecords records;

    @Inject
    private SiteService sites;

    @Override
    public String process() throws Exception {
        long importId = Long.parseLong(job.getProperties().getProperty(ImportJob.IMPORT_ID));
        DumpImport record = records.find(importId);
        try {
            Path dir = Path.of(record.getDir());
            if (!Files.isDirectory(dir)) {
                throw new DumpFormatException(record.getDir(), 0, "folder not found", null);
            }
            DumpScan scan = DumpScan.of(dir);
            // Before any row is written, the site's counters move past every number the dump names, so that a user
            // who signs up or a question asked while the import runs cannot take a dump row's number.
            SiteInfo site = sites.ensureSiteReserving(
                    record.getSiteHost(),
                    record.getSiteName(),
                    record.getSiteTitle(),
                    "Imported from a Stack Exchange data dump (CC BY-SA).",
                    scan.maxPostNumber(),
                    scan.maxUserNumber());
            if (site.sourceHost() == null) {
                // Once, when the site is new: an admin may change the language later, and a resume must keep it.
                String folder = dir.getFileName().toString();
                sites.markImported(site.id(), DumpSiteNames.sourceHost(folder), DumpSiteNames.language(folder));
            }
            try (Connection c = db.connection()) {
                checkNoOwnContent(c, site, scan.maxUserNumber(), scan.maxPostNumber());
                record(c, ledger, importId, scan);
            }
            records.running(importId, site.id());
            indexing.pause(site.id());
            for (DumpFile kind : scan.missing()) {
                log.log(Level.WARNING, "Import {0}: {1}", new Object[] {importId, DumpScan.warning(kind)});
            }
            log.log(
                    Level.INFO,
                    "Import {0}: {1} rows in {2} bytes checked in {3} ms; importing into {4}",
                    new Object[] {importId, scan.totalRows(), scan.totalBytes(), scan.parseMillis(), site.host()});
            return "VALID";
        } catch (DumpFormatException | org.parley.rules.InvalidInputException e) {
            records.failed(importId, e.getMessage());
            throw e;
        }
    }

    /**
     * Writes what the scan found to the ledger: each file's rows and bytes for the progress bar, or that the folder
     * lacks it ({@value ImportLedger#MISSING}), which the file's step reads to import nothing and the status reads to
     * warn.
     */
    static void record(Connection c, ImportLedger ledger, long importId, DumpScan scan) throws SQLException {
        for (DumpFile kind : DumpFile.values()) {
            if (scan.missing().contains(kind)) {
                ledger.set(c, importId, kind.fileName(), ImportLedger.MISSING, 1);
            } else {
                ledger.set(
                        c,
                        importId,
                        kind.fileName(),
                        ImportLedger.TOTAL,
                        scan.rows().get(kind));
                ledger.set(
                        c,
                        importId,
                        kind.fileName(),
                        ImportLedger.TOTAL_BYTES,
                        scan.bytes().get(kind));
            }
        }
        ledger.set(c, importId, ALL, ImportLedger.TOTAL, scan.totalRows());
        ledger.set(c, importId, ALL, ImportLedger.TOTAL_BYTES, scan.totalBytes());
        ledger.set(c, importId, ALL, "parse-ms", scan.parseMillis());
    }

    /**
     * Refuses a site whose own users or posts (not imported ones) hold numbers the dump uses: the dump's rows would be
     * taken for already imported.
     */
    private static void checkNoOwnContent(Connection c, SiteInfo site, long maxUser, long maxPost) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "select count(*) from parley_user where site_id = ? and number <= ? and password_hash <> ?")) {
            st.setLong(1, site.id());
            st.setLong(2, maxUser);
            st.setString(3, PasswordHasher.UNUSABLE);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new org.parley.rules.InvalidInputException("Site " + site.host()
                            + " has users of its own with the numbers the dump uses; import into a new site.");
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement(
                "select count(*) from post where site_id = ? and number <= ? and dump_extra is null")) {
            st.setLong(1, site.id());
            st.setLong(2, maxPost);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new org.parley.rules.InvalidInputException("Site " + site.host()
                            + " has posts of its own with the numbers the dump uses; import into a new site.");
                }
            }
        }
    }
}
