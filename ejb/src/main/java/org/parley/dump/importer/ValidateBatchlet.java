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
import org.parley.dump.DumpReader;
import org.parley.dump.DumpRow;
import org.parley.dump.DumpSiteNames;
import org.parley.search.IndexingProgress;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.user.PasswordHasher;

/**
 * The job's first step: parses every file of the folder to the end (well-formed, UTF-8, right root element), counting
 * rows and bytes for the progress bar, and only then creates the site (or checks that an existing one has no content
 * of its own under the dump's numbers). Any problem fails the import with a message naming the file and line, and the
 * database is left as it was.
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
            long started = System.nanoTime();
            long rows = 0;
            long bytes = 0;
            long[] maxIds = new long[DumpFile.values().length];
            long[] counts = new long[DumpFile.values().length];
            for (DumpFile kind : DumpFile.values()) {
                long max = Long.MIN_VALUE;
                try (DumpReader reader = DumpReader.open(dir, kind)) {
                    DumpRow row;
                    while ((row = reader.next()) != null) {
                        Long id = parseId(row);
                        if (id != null && id > max) {
                            max = id;
                        }
                    }
                    counts[kind.ordinal()] = reader.ordinal();
                }
                maxIds[kind.ordinal()] = max;
                rows += counts[kind.ordinal()];
                bytes += Files.size(dir.resolve(kind.fileName()));
            }
            long parseMs = (System.nanoTime() - started) / 1_000_000;
            SiteInfo site = sites.ensureSite(
                    record.getSiteHost(),
                    record.getSiteName(),
                    record.getSiteTitle(),
                    "Imported from a Stack Exchange data dump (CC BY-SA).");
            if (site.sourceHost() == null) {
                // Once, when the site is new: an admin may change the language later, and a resume must keep it.
                String folder = dir.getFileName().toString();
                sites.markImported(site.id(), DumpSiteNames.sourceHost(folder), DumpSiteNames.language(folder));
            }
            try (Connection c = db.connection()) {
                checkNoOwnContent(c, site, maxIds[DumpFile.USERS.ordinal()], maxIds[DumpFile.POSTS.ordinal()]);
                for (DumpFile kind : DumpFile.values()) {
                    ledger.set(c, importId, kind.fileName(), ImportLedger.TOTAL, counts[kind.ordinal()]);
                    ledger.set(
                            c,
                            importId,
                            kind.fileName(),
                            ImportLedger.TOTAL_BYTES,
                            Files.size(dir.resolve(kind.fileName())));
                }
                ledger.set(c, importId, ALL, ImportLedger.TOTAL, rows);
                ledger.set(c, importId, ALL, ImportLedger.TOTAL_BYTES, bytes);
                ledger.set(c, importId, ALL, "parse-ms", parseMs);
            }
            records.running(importId, site.id());
            indexing.pause(site.id());
            log.log(
                    Level.INFO,
                    "Import {0}: {1} rows in {2} bytes checked in {3} ms; importing into {4}",
                    new Object[] {importId, rows, bytes, parseMs, site.host()});
            return "VALID";
        } catch (DumpFormatException | org.parley.rules.InvalidInputException e) {
            records.failed(importId, e.getMessage());
            throw e;
        }
    }

    private static Long parseId(DumpRow row) {
        try {
            return row.getLong("Id");
        } catch (NumberFormatException e) {
            return null;
        }
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
