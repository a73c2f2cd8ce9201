package org.parley.user;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.parley.common.Actor;

/**
 * Log-ins that do not depend on one HTTP session: a password log-in also gives the browser a random token (a cookie),
 * and a request that comes without a logged-in session but with that cookie is logged in again by it. So a session
 * lost with the server that held it (fail-over, a restart) or with a cluster's session copy costs nobody their log-in,
 * and a session can stay small. The database keeps only each token's SHA-256 (a stolen table logs nobody in), with its
 * account, site and expiry; redeeming one reads the account afresh, so a deleted account or a changed role counts at
 * once. Logging out revokes the token; expired ones are swept every hour.
 */
@Stateless
public class LoginTokens {

    private static final Logger log = Logger.getLogger(LoginTokens.class.getName());

    /** How long a log-in lasts without a password: {@code parley.login.days}, 30 by default. */
    public static final Duration LIFETIME = Duration.ofDays(Long.getLong("parley.login.days", 30));

    /** 32 random bytes, base64url without padding. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /** A redeemed token: the account it logs in, as it is now. */
    public record Remembered(String username, Actor actor) {}

    /** A new token for this account on this site, valid for {@link #LIFETIME}; only its hash is stored. */
    public String issue(long siteId, long userId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now();
        em.persist(new LoginToken(hash(token), siteId, userId, now, now.plus(LIFETIME)));
        return token;
    }

    /**
     * The account a token logs in on this site: empty for a malformed, unknown, expired or revoked token, one of
     * another site, or an account deleted since.
     */
    public Optional<Remembered> redeem(long siteId, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        LoginToken stored = em.find(LoginToken.class, hash(token));
        if (stored == null
                || stored.getSiteId() != siteId
                || stored.getExpiresAt().isBefore(Instant.now())) {
            return Optional.empty();
        }
        User user = em.find(User.class, stored.getUserId());
        if (user == null || user.isDeleted() || user.getSite().getId() != siteId) {
            return Optional.empty();
        }
        return Optional.of(new Remembered(user.getUsername(), user.toActor()));
    }

    /** Forgets a token (log-out); a malformed or unknown one is nothing to forget. */
    public void revoke(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return;
        }
        LoginToken stored = em.find(LoginToken.class, hash(token));
        if (stored != null) {
            em.remove(stored);
        }
    }

    @Schedule(minute = "41", hour = "*", persistent = false)
    void sweep() {
        int gone = em.createNamedQuery("LoginToken.deleteExpired")
                .setParameter("now", Instant.now())
                .executeUpdate();
        log.log(Level.FINE, "Forgot {0} expired log-in tokens", gone);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
