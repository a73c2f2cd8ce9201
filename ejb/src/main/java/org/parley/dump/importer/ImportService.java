package org.parley.dump.importer;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.common.Actor;
import org.parley.dump.DumpFile;
import org.parley.dump.DumpSiteNames;
import org.parley.rules.ConflictException;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.search.IndexingProgress;
import org.parley.site.Site;

/** Starting, following and resuming imports of dump folders on the server. */
@Stateless
public class ImportService {

    @jakarta.inject.Inject
    private org.parley.site.AdminScope adminScope;

    private static final Logger log = Logger.getLogger(ImportService.class.getName());

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private ImportRecords records;

    @Inject
    private ImportLedger ledger;

    @EJB
    private IndexingProgress indexing;

    @Inject
    private DumpDatabase db;

    /**
     * Starts importing the dump folder {@code dir} (a path on the server) into the site on {@code host}, created with
     * {@code name} and {@code title} if it does not exist. Returns at once; the job checks every file before it writes.
     *
     * @param host the site's host; null or blank gives {@code <name>.localhost}
     * @param title null or blank gives a title read from the folder's name ({@code beer.stackexchange.com} gives
     *     "Beer", see {@link DumpSiteNames#title}), else the name
     * @throws NotAllowedException unless {@code actor} is one of the server's admins ({@link org.parley.site.AdminScope})
     * @throws InvalidInputException for a missing or relative folder, a folder without Posts.xml (the other files may be
     *     missing: see {@link DumpScan}), an unreadable file in it, or a malformed name/host
     * @throws ConflictException when another import is still running
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ImportStatus start(Actor actor, String dir, String name, String host, String title) {
        adminScope.requireServerAdmin(actor, "import dumps from the server's folders");
        Path folder = checkFolder(dir);
        String siteName = name == null ? "" : name.strip();
        String siteHost = host == null || host.isBlank() ? siteName + ".localhost" : host.strip();
        String derived = DumpSiteNames.title(folder.getFileName().toString());
        String siteTitle = title != null && !title.isBlank()
                ? title.strip()
                : derived != null && derived.length() <= Site.MAX_TITLE ? derived : siteName;
        Site check = new Site(siteHost, siteName, siteTitle, null, Instant.now());
        List<DumpImport> running = em.createNamedQuery("DumpImport.listByStatus", DumpImport.class)
                .setParameter("statuses", List.of(DumpImport.Status.QUEUED, DumpImport.Status.RUNNING))
                .getResultList();
        if (!running.isEmpty()) {
            throw new ConflictException(
                    "Import " + running.get(0).getId() + " (" + running.get(0).getDir() + ") is still running.");
        }
        long id = records.create(folder.toString(), check.getHost(), check.getName(), check.getTitle(), actor.userId());
        Properties params = new Properties();
        params.setProperty(ImportJob.IMPORT_ID, Long.toString(id));
        long execution = BatchRuntime.getJobOperator().start(ImportJob.NAME, params);
        records.execution(id, execution);
        log.log(Level.INFO, "Import {0} of {1} into {2} started by user {3} (execution {4})", new Object[] {
            id, folder, check.getHost(), actor.userId(), execution
        });
        return status(id);
    }

    /**
     * The folder of a dump: absolute, there, under an import root ({@link org.parley.dump.DumpFolders}), with Posts.xml ({@link DumpScan#REQUIRED}) and every other file of a dump
     * that it has readable. Files it lacks are the validation step's to list as warnings.
     *
     * @throws InvalidInputException naming the folder, the missing required file or the first unreadable file
     */
    static Path checkFolder(String dir) {
        Path folder = org.parley.dump.DumpFolders.importFolder(dir);
        for (DumpFile f : DumpFile.values()) {
            Path file = folder.resolve(f.fileName());
            if (!Files.exists(file)) {
                if (DumpScan.REQUIRED.contains(f)) {
                    throw new InvalidInputException(
                            "Missing file " + file + " (a dump without " + f.fileName() + " has nothing to import).");
                }
                continue;
            }
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("Not a file: " + file + ".");
            }
            if (!Files.isReadable(file)) {
                throw new InvalidInputException("Cannot read " + file + ".");
            }
        }
        return folder;
    }

    /**
     * Restarts a failed import where it stopped (after fixing its input, or after an interrupted server).
     *
     * @throws NotAllowedException unless {@code actor} is one of the server's admins ({@link org.parley.site.AdminScope})
     * @throws NotFoundException for an unknown import
     * @throws ConflictException unless it failed or was interrupted
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ImportStatus restart(Actor actor, long id) {
        adminScope.requireServerAdmin(actor, "restart imports");
        DumpImport record = records.find(id);
        if (record == null) {
            throw new NotFoundException("No import " + id + ".");
        }
        if (record.getStatus() == DumpImport.Status.COMPLETED || isAlive(record)) {
            throw new ConflictException(
                    "Import " + id + " is " + record.getStatus().name().toLowerCase() + ".");
        }
        String blocker = resumeBlocker(record);
        if (blocker != null) {
            throw new ConflictException("Resuming import " + id + " cannot help: " + blocker);
        }
        resume(record);
        return status(id);
    }

    /**
     * Why resuming import {@code id} cannot help, or null when it can: it must have stopped unfinished, its folder
     * must still hold Posts.xml and every file it held when the import began, and no later import into the same site
     * may have completed (the site already holds that one). The admin page offers "Resume" only when this is null.
     *
     * @throws NotFoundException for an unknown import
     */
    public String resumeBlocker(long id) {
        DumpImport record = records.find(id);
        if (record == null) {
            throw new NotFoundException("No import " + id + ".");
        }
        return resumeBlocker(record);
    }

    private String resumeBlocker(DumpImport record) {
        if (record.getStatus() == DumpImport.Status.COMPLETED) {
            return "it completed.";
        }
        if (record.getStatus() != DumpImport.Status.FAILED && isAlive(record)) {
            return "it is still running.";
        }
        try {
            checkFolder(record.getDir());
        } catch (InvalidInputException e) {
            return e.getMessage() + " Put the dump back, or start a new import.";
        }
        String gone = goneSinceValidation(record);
        if (gone != null) {
            return gone + " is no longer in the folder, which had it when the import began. Put it back, or start a new"
                    + " import.";
        }
        boolean superseded = em.createNamedQuery("DumpImport.listByStatus", DumpImport.class)
                .setParameter("statuses", List.of(DumpImport.Status.COMPLETED))
                .getResultStream()
                .anyMatch(later ->
                        later.getId() > record.getId() && later.getSiteHost().equals(record.getSiteHost()));
        return superseded ? "a later import into " + record.getSiteHost() + " completed." : null;
    }

    /** The first file the folder had when the import was validated and lacks now; null when none. */
    private String goneSinceValidation(DumpImport record) {
        Map<String, Map<String, Long>> figures;
        try (Connection c = db.connection()) {
            figures = ledger.all(c, record.getId());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the figures of import " + record.getId(), e);
        }
        Path folder = Path.of(record.getDir());
        for (DumpFile f : DumpFile.values()) {
            Map<String, Long> m = figures.get(f.fileName());
            boolean validated = m != null && m.containsKey(ImportLedger.TOTAL);
            if (validated && !Files.isRegularFile(folder.resolve(f.fileName()))) {
                return f.fileName();
            }
        }
        return null;
    }

    /**
     * Restarts every import that a stopped or killed server left running; called once at start-up. What this server
     * started itself (created after the JVM began) is left alone: JBeret's JDBC repository says STARTED for a killed
     * execution too, so only the start time tells them apart. An import
     * whose job cannot be restarted is marked failed with the reason. One server per database: a cluster would need a
     * lease per import (issue 6's cluster work).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int resumeInterrupted() {
        List<DumpImport> open = em.createNamedQuery("DumpImport.listByStatus", DumpImport.class)
                .setParameter("statuses", List.of(DumpImport.Status.QUEUED, DumpImport.Status.RUNNING))
                .getResultList();
        // Only what a previous server left: an import started since this JVM began is running here (or starting now).
        java.util.Date booted =
                new java.util.Date(ManagementFactory.getRuntimeMXBean().getStartTime());
        int resumed = 0;
        for (DumpImport record : open) {
            if (record.getCreatedAt().isAfter(booted.toInstant())) {
                continue;
            }
            if (record.getExecutionId() != null) {
                JobExecution last = jobExecution(record.getExecutionId());
                if (last != null
                        && last.getCreateTime() != null
                        && last.getCreateTime().after(booted)) {
                    continue;
                }
            }
            try {
                resume(record);
                resumed++;
            } catch (RuntimeException e) {
                records.failed(record.getId(), "Could not resume after a restart of the server: " + e.getMessage());
            }
        }
        return resumed;
    }

    private static JobExecution jobExecution(long executionId) {
        try {
            return BatchRuntime.getJobOperator().getJobExecution(executionId);
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    private static BatchStatus jobStatus(long executionId) {
        try {
            return BatchRuntime.getJobOperator().getJobExecution(executionId).getBatchStatus();
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    /** Whether the import's job runs in this server (JBeret's repository alone cannot tell after a crash). */
    private boolean isAlive(DumpImport record) {
        BatchStatus status = record.getExecutionId() == null ? null : jobStatus(record.getExecutionId());
        return status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING;
    }

    private void resume(DumpImport record) {
        JobOperator jobs = BatchRuntime.getJobOperator();
        Properties params = new Properties();
        params.setProperty(ImportJob.IMPORT_ID, Long.toString(record.getId()));
        // The execution may still say STARTED after a kill -9; "detect" lets JBeret restart it when it is not alive.
        params.setProperty("jberet.restart.mode", "detect");
        long execution;
        JobExecution last = record.getExecutionId() == null ? null : jobs.getJobExecution(record.getExecutionId());
        if (last == null || last.getBatchStatus() == BatchStatus.ABANDONED) {
            execution = jobs.start(ImportJob.NAME, params);
        } else {
            execution = jobs.restart(record.getExecutionId(), params);
        }
        records.running(record.getId(), null);
        records.execution(record.getId(), execution);
        log.log(Level.INFO, "Import {0} resumed as execution {1}", new Object[] {record.getId(), execution});
    }

    /**
     * @throws NotFoundException for an unknown import
     */
    public ImportStatus status(long id) {
        DumpImport record = records.find(id);
        if (record == null) {
            throw new NotFoundException("No import " + id + ".");
        }
        return toStatus(record);
    }

    /** The most recent imports, newest first. */
    public List<ImportStatus> recent(int max) {
        return em.createNamedQuery("DumpImport.listRecent", DumpImport.class)
                .setMaxResults(max)
                .getResultStream()
                .map(this::toStatus)
                .toList();
    }

    private ImportStatus toStatus(DumpImport r) {
        Map<String, Map<String, Long>> figures;
        try (Connection c = db.connection()) {
            figures = ledger.all(c, r.getId());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the figures of import " + r.getId(), e);
        }
        List<ImportStatus.FileStatus> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long done = 0;
        for (DumpFile f : DumpFile.values()) {
            Map<String, Long> m = figures.getOrDefault(f.fileName(), Map.of());
            Map<String, Long> skips = new TreeMap<>();
            Map<String, Long> notes = new TreeMap<>();
            long skipped = 0;
            for (Map.Entry<String, Long> e : m.entrySet()) {
                if (e.getKey().startsWith(ImportLedger.SKIP)) {
                    skips.put(e.getKey().substring(ImportLedger.SKIP.length()), e.getValue());
                    skipped += e.getValue();
                } else if (e.getKey().startsWith(ImportLedger.NOTE) && e.getValue() > 0) {
                    notes.put(e.getKey().substring(ImportLedger.NOTE.length()), e.getValue());
                }
            }
            long read = m.getOrDefault(ImportLedger.READ, 0L);
            done += read;
            boolean missing = m.getOrDefault(ImportLedger.MISSING, 0L) > 0;
            if (missing) {
                warnings.add(DumpScan.warning(f));
            }
            files.add(new ImportStatus.FileStatus(
                    f.fileName(),
                    missing,
                    m.getOrDefault(ImportLedger.TOTAL, 0L),
                    read,
                    m.getOrDefault(ImportLedger.IMPORTED, 0L),
                    skipped,
                    skips,
                    notes));
        }
        Map<String, Long> all = figures.getOrDefault(ValidateBatchlet.ALL, Map.of());
        long total = all.getOrDefault(ImportLedger.TOTAL, 0L);
        // The search index step: one document per question or answer; while it runs here, its live count.
        long toIndex = figures.getOrDefault(DumpFile.POSTS.fileName(), Map.of()).getOrDefault(ImportLedger.TOTAL, 0L);
        Long indexed = figures.getOrDefault(IndexBatchlet.FILE, Map.of()).get(ImportLedger.IMPORTED);
        if (indexed != null) {
            toIndex = indexed; // every question and answer (Posts.xml also has tag wikis and other kinds)
        } else {
            indexed = r.getSiteId() == null ? 0 : Math.max(0, indexing.running(r.getSiteId()));
        }
        // The bar counts the documents with the rows; rowsDone/rowsTotal stay the dump's rows.
        long workDone = done + indexed;
        long work = total == 0 ? 0 : total + toIndex;
        Instant end = r.getFinishedAt() != null ? r.getFinishedAt() : Instant.now();
        long millis = Math.max(1, Duration.between(r.getCreatedAt(), end).toMillis());
        long rate = done * 1000 / millis;
        long eta = rate > 0 && total > done ? (total - done) / rate : 0;
        int percent = r.getStatus() == DumpImport.Status.COMPLETED
                ? 100
                : work == 0 ? 0 : (int) Math.min(99, workDone * 100 / work);
        String status = r.getStatus().name();
        String message = r.getMessage();
        if ((r.getStatus() == DumpImport.Status.QUEUED || r.getStatus() == DumpImport.Status.RUNNING)
                && r.getExecutionId() != null) {
            BatchStatus job = jobStatus(r.getExecutionId());
            if (job == BatchStatus.FAILED || job == BatchStatus.STOPPED || job == BatchStatus.ABANDONED) {
                status = DumpImport.Status.FAILED.name();
                message = "The import job ended (" + job + ") before it finished; see the server log.";
            }
        }
        return new ImportStatus(
                r.getId(),
                status,
                r.getSiteHost(),
                r.getSiteName(),
                r.getDir(),
                message,
                warnings,
                r.getCreatedAt(),
                r.getFinishedAt(),
                total,
                done,
                all.getOrDefault(ImportLedger.TOTAL_BYTES, 0L),
                percent,
                rate,
                eta,
                all.getOrDefault("parse-ms", 0L),
                files,
                toIndex,
                indexed);
    }
}
