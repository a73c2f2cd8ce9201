package org.parley.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.rules.ConflictException;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotFoundException;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;

/** Registration and log-in on Hibernate and H2. */
class UserServiceH2Test {

    private static final String PASSWORD = "correct-horse-battery";

    private H2Services h2;
    private UserService users;
    private SiteInfo site;
    private SiteInfo other;

    @BeforeEach
    void twoSites() {
        h2 = new H2Services();
        users = h2.bean(UserService.class);
        SiteService sites = h2.bean(SiteService.class);
        site = h2.tx(() -> sites.ensureSite("bicycles.localhost", "bicycles", "Bicycles", ""));
        other = h2.tx(() -> sites.ensureSite("beer.localhost", "beer", "Beer", ""));
    }

    @AfterEach
    void close() {
        h2.close();
    }

    @Test
    void registeringGivesAPlainUserWithTheNextNumber() {
        UserRef jane = h2.tx(() -> users.register(site.id(), "  Jane.Doe ", "Jane Doe", PASSWORD));
        UserRef joe = h2.tx(() -> users.register(site.id(), "joe", "Joe", PASSWORD));

        assertEquals(new UserRef(1L, "Jane Doe", "jane-doe", 1), jane);
        assertEquals(2L, joe.number());
        Actor actor = h2.tx(() -> users.actorFor(site.id(), "JANE.DOE")).orElseThrow();
        assertEquals(Role.USER, actor.role(), "the first user of a site is not an admin");
        assertEquals(site.id(), actor.siteId());
    }

    @Test
    void staffNamesAreReservedOnEverySiteForSignUpButNotForSeeding() {
        for (SiteInfo on : List.of(site, other)) {
            for (String name : List.of("admin", "Moderator", "mod-erator", "community", "Parley")) {
                InvalidInputException refused = assertThrows(
                        InvalidInputException.class,
                        () -> h2.run(() -> users.register(on.id(), name, "A Person", PASSWORD)),
                        name + " on " + on.host());
                assertEquals("username", refused.field());
                assertTrue(refused.getMessage().contains("reserved"), refused.getMessage());
            }
            InvalidInputException display = assertThrows(
                    InvalidInputException.class,
                    () -> h2.run(() -> users.register(on.id(), "plainuser", "Moderator", PASSWORD)));
            assertEquals("display", display.field());
        }
        // Names that only contain a reserved word are fine, and the seeder's admin is not a sign-up.
        h2.tx(() -> users.register(site.id(), "admiral", "Admiral Ackbar", PASSWORD));
        h2.tx(() -> users.register(site.id(), "modest.mouse", "Modest Mouse", PASSWORD));
        h2.tx(() -> users.createUser(site.id(), "admin", "Parley Admin", PASSWORD, Role.ADMIN));
    }

    @Test
    void aSiteAdminAppointsAndRemovesModeratorsOfTheirSiteOnly() {
        h2.tx(() -> users.createUser(site.id(), "boss", "The Admin", PASSWORD, Role.ADMIN));
        UserRef jane = h2.tx(() -> users.register(site.id(), "jane", "Jane", PASSWORD));
        h2.tx(() -> users.register(site.id(), "joe", "Joe", PASSWORD));
        h2.tx(() -> users.createUser(other.id(), "otherboss", "Other Admin", PASSWORD, Role.ADMIN));
        Actor admin = h2.tx(() -> users.actorFor(site.id(), "boss")).orElseThrow();
        Actor otherAdmin = h2.tx(() -> users.actorFor(other.id(), "otherboss")).orElseThrow();
        Actor joe = h2.tx(() -> users.actorFor(site.id(), "joe")).orElseThrow();

        h2.tx(() -> users.changeRole(admin, jane.number(), Role.MODERATOR));
        assertEquals(
                Role.MODERATOR,
                h2.tx(() -> users.actorFor(site.id(), "jane")).orElseThrow().role());
        assertEquals(
                java.util.List.of("Jane"),
                h2.tx(() -> users.moderators(site.id())).stream()
                        .map(UserRef::displayName)
                        .toList());
        assertTrue(h2.tx(() -> users.moderators(other.id())).isEmpty(), "per site");

        // Only an admin, and only of this site: the other site's admin names a user number of their own site.
        assertThrows(
                org.parley.rules.NotAllowedException.class,
                () -> h2.tx(() -> users.changeRole(joe, jane.number(), Role.USER)));
        assertThrows(
                NotFoundException.class,
                () -> h2.tx(() -> users.changeRole(otherAdmin, jane.number(), Role.MODERATOR)));
        assertThrows(
                org.parley.rules.NotAllowedException.class,
                () -> h2.tx(() -> users.changeRole(admin, 1L, Role.USER)),
                "admins keep their role");
        assertThrows(
                InvalidInputException.class, () -> h2.tx(() -> users.changeRole(admin, jane.number(), Role.ADMIN)));

        h2.tx(() -> users.changeRole(admin, jane.number(), Role.USER));
        assertEquals(
                Role.USER,
                h2.tx(() -> users.actorFor(site.id(), "jane")).orElseThrow().role());
        assertTrue(h2.tx(() -> users.moderators(site.id())).isEmpty());
    }

    @Test
    void takenNamesAndBadInputAreRefused() {
        h2.tx(() -> users.register(site.id(), "jane", "Jane Doe", PASSWORD));

        ConflictException taken = assertThrows(
                ConflictException.class, () -> h2.tx(() -> users.register(site.id(), "JANE", "Jane Again", PASSWORD)));
        assertTrue(taken.getMessage().contains("jane"), taken.getMessage());
        assertEquals(
                1L,
                h2.tx(() -> users.register(other.id(), "jane", "Other Jane", PASSWORD))
                        .number(),
                "names are per site");

        assertThrows(InvalidInputException.class, () -> h2.tx(() -> users.register(site.id(), "jo", "Jo", PASSWORD)));
        assertThrows(
                InvalidInputException.class, () -> h2.tx(() -> users.register(site.id(), "jo jo", "Jo Jo", PASSWORD)));
        assertThrows(
                InvalidInputException.class, () -> h2.tx(() -> users.register(site.id(), "josephine", "J", PASSWORD)));
        assertThrows(
                InvalidInputException.class,
                () -> h2.tx(() -> users.register(site.id(), "josephine", "Josephine", "too-short")));
        assertThrows(
                InvalidInputException.class,
                () -> h2.tx(() -> users.createUser(site.id(), "josephine", "Josephine", PASSWORD, null)));
        assertThrows(
                NotFoundException.class, () -> h2.tx(() -> users.register(424242, "josephine", "Josephine", PASSWORD)));
        assertEquals(
                2L,
                h2.tx(() -> users.register(site.id(), "josephine", "Josephine", PASSWORD))
                        .number(),
                "refusals used no number");
    }

    @Test
    void authenticationChecksThePasswordOnTheRightSite() {
        h2.tx(() -> users.createUser(site.id(), "mod", "Mo Derator", PASSWORD, Role.MODERATOR));

        Actor mod =
                h2.tx(() -> users.authenticate(site.id(), " MOD ", PASSWORD)).orElseThrow();
        assertEquals(Role.MODERATOR, mod.role());
        assertTrue(h2.tx(() -> users.authenticate(site.id(), "mod", "wrong-horse-battery"))
                .isEmpty());
        assertTrue(
                h2.tx(() -> users.authenticate(site.id(), "nobody", PASSWORD)).isEmpty());
        assertTrue(h2.tx(() -> users.authenticate(other.id(), "mod", PASSWORD)).isEmpty());
        assertTrue(h2.tx(() -> users.authenticate(site.id(), null, PASSWORD)).isEmpty());
        assertTrue(h2.tx(() -> users.authenticate(site.id(), "mod", null)).isEmpty());
        assertTrue(h2.tx(() -> users.actorFor(site.id(), null)).isEmpty());
    }
}
