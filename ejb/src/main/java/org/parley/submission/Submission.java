package org.parley.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A submission that was carried out: its key, whose it was, and what the write returned (serialised), written in the
 * write's own transaction, so that it exists exactly when the write does.
 */
@Entity
@Table(name = "submission", indexes = @Index(name = "ix_submission_created", columnList = "created_at"))
@NamedQuery(name = "Submission.deleteBefore", query = "DELETE FROM Submission s WHERE s.createdAt < :before")
public class Submission {

    @Id
    @Column(name = "submission_key", length = SubmissionKey.MAX_LENGTH)
    private String key;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** What the method returned, Java-serialised; null for a method that returns nothing. */
    @Column(name = "result", length = 1_000_000)
    private byte[] result;

    protected Submission() {}

    Submission(String key, long siteId, long userId, Instant createdAt, byte[] result) {
        this.key = key;
        this.siteId = siteId;
        this.userId = userId;
        this.createdAt = createdAt;
        this.result = result;
    }

    String getKey() {
        return key;
    }

    long getSiteId() {
        return siteId;
    }

    long getUserId() {
        return userId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    byte[] getResult() {
        return result;
    }
}
