package org.parley.user.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.common.Actor;
import org.parley.rest.ApiError;
import org.parley.rules.NotAllowedException;
import org.parley.user.LoginThrottle;
import org.parley.user.UserService;
import org.parley.web.ClientAddress;

/**
 * Checks the HTTP Basic credentials of an API call against the users of the request's site and insists on the admin
 * role. A successful check is remembered for {@value #TTL_MS} ms (at most {@value #MAX_ENTRIES} entries, keyed by a
 * SHA-256 of site, name and password), so a progress bar polling every second does not run PBKDF2 every time. Any
 * other check must first be admitted by the {@link LoginThrottle}, as a log-in by the form is: a flood of wrong
 * passwords gets 429 with {@code Retry-After} (a JSON error, through {@code RuleExceptionMapper}) before any hashing.
 */
@ApplicationScoped
public class AdminCredentials {

    static final long TTL_MS = 60_000;
    static final int MAX_ENTRIES = 64;

    @EJB
    private UserService users;

    @Inject
    private LoginThrottle throttle;

    @Inject
    private HttpServletRequest request;

    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

    /** The checks running now, by the same key as {@link #recent}. */
    private final Map<String, java.util.concurrent.CompletableFuture<Actor>> checking = new ConcurrentHashMap<>();

    private record Remembered(Actor actor, long until) {}

    /**
     * @param authorization the Authorization header, or null
     * @return the admin
     * @throws NotAuthorizedException (401) without Basic credentials or with wrong ones
     * @throws NotAllowedException (403) for a user who is not an admin
     * @throws org.parley.rules.RateLimitedException (429) when the account or the caller's address failed too often
     */
    public Actor requireAdmin(long siteId, String authorization) {
        Actor actor = requireUser(siteId, authorization);
        if (!actor.isAdmin()) {
            throw new NotAllowedException("Only admins may do this.");
        }
        return actor;
    }

    /**
     * The same check for any user of the site, whatever their role (the message API).
     *
     * @param authorization the Authorization header, or null
     * @throws NotAuthorizedException (401) without Basic credentials or with wrong ones
     * @throws org.parley.rules.RateLimitedException (429) when the account or the caller's address failed too often
     */
    public Actor requireUser(long siteId, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw unauthorized();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw unauthorized();
        }
        String username = decoded.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
        String password = decoded.substring(colon + 1);
        String key = digest(siteId + "\u0000" + username + "\u0000" + password);
        long now = System.currentTimeMillis();
        Remembered hit = recent.get(key);
        Actor actor;
        if (hit != null && hit.until() > now) {
            actor = hit.actor();
        } else {
            // Calls that bring the same credentials at the same moment (a client's first burst, on several
            // connections) wait for one check instead of each being counted by the throttle and hashed: eight at once
            // would otherwise look like eight guesses and the account be refused. A failed check shares nothing.
            java.util.concurrent.CompletableFuture<Actor> mine = new java.util.concurrent.CompletableFuture<>();
            java.util.concurrent.CompletableFuture<Actor> running = checking.putIfAbsent(key, mine);
            if (running != null) {
                try {
                    return running.join();
                } catch (java.util.concurrent.CompletionException e) {
                    // That check failed: this call is a guess of its own, which the throttle admits or refuses.
                    return requireUser(siteId, authorization);
                }
            }
            try {
                actor = check(siteId, username, password);
                remember(key, actor, now);
                mine.complete(actor);
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                checking.remove(key, mine);
            }
        }
        return actor;
    }

    /** Checks the password once, admitted by the throttle first. */
    private Actor check(long siteId, String username, String password) {
        LoginThrottle.Attempt attempt = throttle.admit(siteId, username, ClientAddress.of(request));
        Optional<Actor> checked = users.authenticate(siteId, username, password);
        if (checked.isEmpty()) {
            throw unauthorized();
        }
        throttle.succeeded(attempt);
        return checked.get();
    }

    private void remember(String key, Actor actor, long now) {
        if (recent.size() >= MAX_ENTRIES) {
            for (Iterator<Map.Entry<String, Remembered>> it = recent.entrySet().iterator(); it.hasNext(); ) {
                if (it.next().getValue().until() <= now) {
                    it.remove();
                }
            }
            if (recent.size() >= MAX_ENTRIES) {
                recent.clear();
            }
        }
        recent.put(key, new Remembered(actor, now + TTL_MS));
    }

    private static NotAuthorizedException unauthorized() {
        return new NotAuthorizedException(Response.status(Response.Status.UNAUTHORIZED)
                .header("WWW-Authenticate", "Basic realm=\"Parley\", charset=\"UTF-8\"")
                .entity(new ApiError("Log in as a user of this site (HTTP Basic, or the session's log-in)."))
                .type("application/json")
                .build());
    }

    private static String digest(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
