package org.parley.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * "{@code source} is a synonym of {@code target}" on one site, as Stack Overflow's tag synonyms: proposed by a user
 * with a score in the target tag, approved (or rejected) by a moderator. Once approved, a question given the source
 * tag gets the target instead ({@link TagRepository#findOrCreate}), lists of the source show the target's questions,
 * and the questions that had the source are retagged in batches ({@code retagDone} says when all were).
 */
@Entity
@Table(
        name = "tag_synonym",
        indexes = {
            @Index(name = "idx_tag_synonym_site_source", columnList = "site_id, source_name"),
            @Index(name = "idx_tag_synonym_site_status", columnList = "site_id, status")
        })
@NamedQuery(
        name = "TagSynonym.listBySite",
        query = "select s from TagSynonym s where s.siteId = :site order by s.status, s.proposedAt desc, s.id desc")
@NamedQuery(
        name = "TagSynonym.approvedBySite",
        query = "select s.sourceName, s.targetName from TagSynonym s where s.siteId = :site and s.status = :approved")
@NamedQuery(
        name = "TagSynonym.openByName",
        query = "select s from TagSynonym s where s.siteId = :site and s.status <> :rejected"
                + " and (s.sourceName in :names or s.targetName in :names)")
@NamedQuery(
        name = "TagSynonym.retagPending",
        query = "select s from TagSynonym s where s.status = :approved and s.retagDone = false order by s.id")
public class TagSynonym {

    /** Where a proposal stands. */
    public enum Status {
        PROPOSED,
        APPROVED,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tag_synonym_id")
    @SequenceGenerator(name = "tag_synonym_id", sequenceName = "tag_synonym_id_seq", allocationSize = 20)
    private Long id;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    @Column(name = "source_name", nullable = false, length = Tag.MAX_NAME)
    private String sourceName;

    @Column(name = "target_name", nullable = false, length = Tag.MAX_NAME)
    private String targetName;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private Status status;

    @Column(name = "proposer_number", nullable = false)
    private long proposerNumber;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Column(name = "decider_number")
    private Long deciderNumber;

    @Column(name = "decided_at")
    private Instant decidedAt;

    /** Whether every question that had the source tag has been retagged (approved synonyms only). */
    @Column(name = "retag_done", nullable = false)
    private boolean retagDone;

    @Column(name = "retagged_count", nullable = false)
    private long retaggedCount;

    protected TagSynonym() {}

    /** A new proposal; both names already valid and different. */
    public TagSynonym(long siteId, String sourceName, String targetName, long proposerNumber, Instant at) {
        this.siteId = siteId;
        this.sourceName = Tag.checkName(sourceName);
        this.targetName = Tag.checkName(targetName);
        if (sourceName.equals(targetName)) {
            throw new IllegalArgumentException("A tag is not its own synonym");
        }
        this.proposerNumber = proposerNumber;
        this.proposedAt = Objects.requireNonNull(at, "at");
        this.status = Status.PROPOSED;
    }

    /** Approves or rejects a proposal. */
    public void decide(boolean approve, long moderatorNumber, Instant at) {
        if (status != Status.PROPOSED) {
            throw new IllegalStateException("Already " + status);
        }
        this.status = approve ? Status.APPROVED : Status.REJECTED;
        this.deciderNumber = moderatorNumber;
        this.decidedAt = at;
    }

    /** {@code n} more questions were retagged; {@code done} when none has the source tag any more. */
    public void retagged(long n, boolean done) {
        this.retaggedCount += n;
        this.retagDone = done;
    }

    public Long getId() {
        return id;
    }

    public long getSiteId() {
        return siteId;
    }

    public String getSourceName() {
        return sourceName;
    }

    public String getTargetName() {
        return targetName;
    }

    public Status getStatus() {
        return status;
    }

    public long getProposerNumber() {
        return proposerNumber;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public Long getDeciderNumber() {
        return deciderNumber;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public boolean isRetagDone() {
        return retagDone;
    }

    public long getRetaggedCount() {
        return retaggedCount;
    }
}
