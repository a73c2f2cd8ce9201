package org.parley.dump.importer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One import of a dump folder into a site: what to import, the batch execution that does it, and how it ended. The
 * site is created by the job once every file has been checked, so bad input leaves no site behind.
 */
@Entity
@Table(name = "dump_import")
@NamedQuery(name = "DumpImport.listRecent", query = "select i from DumpImport i order by i.id desc")
@NamedQuery(
        name = "DumpImport.listByStatus",
        query = "select i from DumpImport i where i.status in :statuses order by i.id")
public class DumpImport {

    /** Where an import stands. */
    public enum Status {
        /** Started; the job checks the files first. */
        QUEUED,
        RUNNING,
        COMPLETED,
        /** Stopped by bad input or an error; {@link #getMessage} says why. Fixable input can be restarted. */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dump_import_id")
    @SequenceGenerator(name = "dump_import_id", sequenceName = "dump_import_id_seq", allocationSize = 1)
    private Long id;

    @Column(name = "dir", nullable = false, length = 1000)
    private String dir;

    @Column(name = "site_host", nullable = false, length = 253)
    private String siteHost;

    @Column(name = "site_name", nullable = false, length = 40)
    private String siteName;

    @Column(name = "site_title", nullable = false, length = 80)
    private String siteTitle;

    @Column(name = "site_id")
    private Long siteId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private Status status;

    @Column(name = "execution_id")
    private Long executionId;

    @Column(name = "started_by")
    private Long startedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "message", length = 2000)
    private String message;

    protected DumpImport() {}

    DumpImport(String dir, String siteHost, String siteName, String siteTitle, Long startedBy, Instant now) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.siteHost = Objects.requireNonNull(siteHost, "siteHost");
        this.siteName = Objects.requireNonNull(siteName, "siteName");
        this.siteTitle = Objects.requireNonNull(siteTitle, "siteTitle");
        this.startedBy = startedBy;
        this.createdAt = Objects.requireNonNull(now, "now");
        this.status = Status.QUEUED;
    }

    void started(long executionId) {
        this.executionId = executionId;
    }

    public Long getId() {
        return id;
    }

    public String getDir() {
        return dir;
    }

    public String getSiteHost() {
        return siteHost;
    }

    public String getSiteName() {
        return siteName;
    }

    public String getSiteTitle() {
        return siteTitle;
    }

    public Long getSiteId() {
        return siteId;
    }

    public Status getStatus() {
        return status;
    }

    public Long getExecutionId() {
        return executionId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getMessage() {
        return message;
    }
}
