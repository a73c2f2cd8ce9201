package org.parley.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Role;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;

/** Log-in tokens on Hibernate and H2: what a token logs in, and every way it stops doing so. */
class LoginTokensH2Test {

    private H2Services h2;
    private LoginTokens tokens;
    private SiteInfo site;
    private SiteInfo other;
    private UserRef jane;

    @BeforeEach
    void aUser() {
        h2 = new H2Services();
        tokens = h2.bean(LoginTokens.class);
        SiteService sites = h2.bean(SiteService.class);
        site = h2.tx(() -> sites.ensureSite("bicycles.localhost", "bicycles", "Bicycles", ""));
        other = h2.tx(() -> sites.ensureSite("beer.localhost", "beer", "Beer", ""));
        jane = h2.tx(() -> h2.bean(UserService.class).register(site.id(), "jane", "Jane", "correct-horse-battery"));
    }

    @AfterEach
    void close() {
        h2.close();
    }

    private long janeId() {
        return h2.tx(() -> h2.bean(UserService.class)
                .actorFor(site.id(), "jane")
                .orElseThrow()
                .userId());
    }

    @Test
    void aTokenLogsInItsAccountOnItsSiteOnlyAndIsStoredOnlyAsItsHash() {
        String token = h2.tx(() -> tokens.issue(site.id(), janeId()));
        assertEquals(43, token.length(), "32 random bytes");
        LoginTokens.Remembered back =
                h2.tx(() -> tokens.redeem(site.id(), token)).orElseThrow();
        assertEquals("jane", back.username());
        assertEquals(Role.USER, back.actor().role());
        assertTrue(h2.tx(() -> tokens.redeem(other.id(), token)).isEmpty(), "another site's token logs no one in");

        long stored = h2.tx(() -> (Long) h2.bean(EntityManager.class)
                .createQuery("select count(t) from LoginToken t where t.tokenHash = :raw")
                .setParameter("raw", token)
                .getSingleResult());
        assertEquals(0L, stored, "the table never holds the token itself");
        assertNotEquals(token, LoginTokens.hash(token));
        assertNotEquals(token, h2.tx(() -> tokens.issue(site.id(), janeId())), "every log-in gets a token of its own");
    }

    @Test
    void malformedUnknownRevokedAndExpiredTokensLogNobodyIn() {
        String token = h2.tx(() -> tokens.issue(site.id(), janeId()));
        for (String bad : new String[] {null, "", "x", token + "A", token.substring(1) + "!", "A".repeat(43)}) {
            assertTrue(h2.tx(() -> tokens.redeem(site.id(), bad)).isEmpty(), "refused: " + bad);
        }

        h2.run(() -> tokens.revoke(token));
        assertTrue(h2.tx(() -> tokens.redeem(site.id(), token)).isEmpty(), "a revoked token is gone");
        h2.run(() -> tokens.revoke(token));
        h2.run(() -> tokens.revoke("not a token"));

        String old = h2.tx(() -> tokens.issue(site.id(), janeId()));
        h2.run(() -> h2.bean(EntityManager.class)
                .createQuery("update LoginToken t set t.expiresAt = :past")
                .setParameter("past", Instant.now().minusSeconds(1))
                .executeUpdate());
        assertTrue(h2.tx(() -> tokens.redeem(site.id(), old)).isEmpty(), "an expired token logs nobody in");
        h2.run(tokens::sweep);
        long left = h2.tx(() -> (Long)
                h2.direct().createQuery("select count(t) from LoginToken t").getSingleResult());
        assertEquals(0L, left, "the sweep forgets expired tokens");
    }

    @Test
    void aTokenReadsTheAccountAsItIsNow() {
        String token = h2.tx(() -> tokens.issue(site.id(), janeId()));
        h2.run(() -> h2.bean(EntityManager.class)
                .createQuery("update User u set u.role = :role where u.id = :id")
                .setParameter("role", Role.MODERATOR)
                .setParameter("id", janeId())
                .executeUpdate());
        assertEquals(
                Role.MODERATOR,
                h2.tx(() -> tokens.redeem(site.id(), token))
                        .orElseThrow()
                        .actor()
                        .role(),
                "a role changed since the log-in counts at once");
        h2.run(() -> h2.bean(EntityManager.class)
                .createQuery("update User u set u.deleted = true where u.id = :id")
                .setParameter("id", janeId())
                .executeUpdate());
        assertTrue(h2.tx(() -> tokens.redeem(site.id(), token)).isEmpty(), "a deleted account is logged in no more");
    }
}
