package org.parley.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A log-in that outlives its HTTP session: the SHA-256 of the token in the browser's log-in cookie (never the token
 * itself), whose account it logs in, on which site, and until when. See {@link LoginTokens}.
 */
@Entity
@Table(
        name = "login_token",
        indexes = {
            @Index(name = "ix_login_token_expires", columnList = "expires_at"),
            @Index(name = "ix_login_token_user", columnList = "site_id, user_id")
        })
@NamedQuery(name = "LoginToken.deleteExpired", query = "DELETE FROM LoginToken t WHERE t.expiresAt < :now")
public class LoginToken {

    /** Base64url of the token's SHA-256, without padding: 43 characters. */
    @Id
    @Column(name = "token_hash", length = 43)
    private String tokenHash;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected LoginToken() {}

    LoginToken(String tokenHash, long siteId, long userId, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.siteId = siteId;
        this.userId = userId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    long getSiteId() {
        return siteId;
    }

    long getUserId() {
        return userId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
