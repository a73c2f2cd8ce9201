package org.parley.user.security;

import java.io.Serial;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import org.parley.common.Role;
import org.parley.web.Immutable;

/**
 * What an HTTP session keeps of its log-in, as one immutable session attribute ({@link CurrentUser} reads and replaces
 * it): the site and account, the role it logged in with, the account stamp last found current, and the form token
 * that stateless pages' forms post back ({@link FormTokens}). Immutable, so a request that only reads it writes
 * nothing to the replicated session.
 */
@Immutable
final class SessionLogin implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The session attribute's name. */
    static final String ATTRIBUTE = "org.parley.login";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final long siteId;
    private final String username;
    private final long userId;
    private final Role role;
    /** The account's stamp when this session last found its role current; null until the first request checks. */
    private final String stamp;

    private final String formToken;

    private SessionLogin(long siteId, String username, long userId, Role role, String stamp, String formToken) {
        this.siteId = siteId;
        this.username = Objects.requireNonNull(username, "username");
        this.userId = userId;
        this.role = Objects.requireNonNull(role, "role");
        this.stamp = stamp;
        this.formToken = Objects.requireNonNull(formToken, "formToken");
    }

    /** A new log-in, with a new random form token (256 bits). */
    static SessionLogin of(long siteId, String username, long userId, Role role) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new SessionLogin(siteId, username, userId, role, null, token);
    }

    /** This log-in, confirmed current at account stamp {@code confirmed}. */
    SessionLogin confirmed(String confirmed) {
        return new SessionLogin(siteId, username, userId, role, confirmed, formToken);
    }

    long siteId() {
        return siteId;
    }

    String username() {
        return username;
    }

    long userId() {
        return userId;
    }

    Role role() {
        return role;
    }

    String stamp() {
        return stamp;
    }

    String formToken() {
        return formToken;
    }
}
