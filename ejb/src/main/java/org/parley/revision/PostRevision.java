package org.parley.revision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.io.Serializable;
import java.time.Instant;
import org.parley.common.Columns;

/**
 * One event in a post's history (PostHistory): an initial or edited title, body or tags (types 1-9), a close,
 * reopen, lock, community-wiki or migration event (10 and up). Posts and users are referred to by number as in the
 * dump; a user who is gone keeps the display name the row gives. Imported rows keep the dump's Id ({@code dump_id});
 * rows of edits made here are numbered after the site's highest ({@link RevisionWriter}).
 */
@Entity
@Table(
        name = "post_revision",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_revision_site_dump",
                        columnNames = {"site_id", "dump_id"}),
        indexes = {
            @Index(name = "idx_revision_site_post", columnList = "site_id, post_number, created_at"),
            // The users directory's Editors tab counts a site's edits over a period.
            @Index(name = "idx_revision_site_created", columnList = "site_id, created_at")
        })
@NamedQuery(
        name = "PostRevision.listByPost",
        query = "select r from PostRevision r where r.siteId = :site and r.postNumber = :post"
                + " order by r.createdAt, r.dumpId")
@NamedQuery(name = "PostRevision.maxDumpId", query = "select max(r.dumpId) from PostRevision r where r.siteId = :site")
public class PostRevision implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_revision_id")
    @SequenceGenerator(name = "post_revision_id", sequenceName = "post_revision_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    @Column(name = "dump_id")
    private Long dumpId;

    @Column(name = "post_number", nullable = false)
    private long postNumber;

    @Column(name = "history_type_id", nullable = false)
    private int historyTypeId;

    @Column(name = "revision_guid", length = 64)
    private String revisionGuid;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "user_number")
    private Long userNumber;

    @Column(name = "user_display_name", length = 100)
    private String userDisplayName;

    @Column(name = "edit_comment", length = Columns.LONG_TEXT)
    private String comment;

    @Column(name = "revision_text", length = Columns.LONG_TEXT)
    private String text;

    @Column(name = "content_license", length = 40)
    private String contentLicense;

    @Column(name = "dump_extra", length = 2000)
    private String dumpExtra;

    protected PostRevision() {}

    /**
     * A row of an edit made here (not imported): numbered like the dump's rows, after the site's highest, so that an
     * export writes it into PostHistory.xml as one of them.
     */
    PostRevision(
            long siteId,
            long dumpId,
            long postNumber,
            int historyTypeId,
            String revisionGuid,
            Instant createdAt,
            long userNumber,
            String comment,
            String text) {
        this.siteId = siteId;
        this.dumpId = dumpId;
        this.postNumber = postNumber;
        this.historyTypeId = historyTypeId;
        this.revisionGuid = revisionGuid;
        this.createdAt = createdAt;
        this.userNumber = userNumber;
        this.comment = comment;
        this.text = text;
    }

    public Long getDumpId() {
        return dumpId;
    }

    public long getPostNumber() {
        return postNumber;
    }

    public int getHistoryTypeId() {
        return historyTypeId;
    }

    public String getRevisionGuid() {
        return revisionGuid;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Long getUserNumber() {
        return userNumber;
    }

    public String getUserDisplayName() {
        return userDisplayName;
    }

    public String getComment() {
        return comment;
    }

    public String getText() {
        return text;
    }

    public String getContentLicense() {
        return contentLicense;
    }
}
