package org.parley.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.rules.ConflictException;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.testing.H2Services;

/** Finding sites by host, through the cache, and creating them, on Hibernate and H2. */
class SiteServiceH2Test {

    private H2Services h2;
    private SiteService sites;

    @BeforeEach
    void database() {
        h2 = new H2Services();
        sites = h2.bean(SiteService.class);
    }

    @AfterEach
    void close() {
        h2.close();
    }

    @Test
    void hostsAreFoundWhateverTheirCaseAndPort() {
        SiteInfo local = h2.tx(() -> sites.ensureSite("localhost", "parley", "Parley", "Questions"));

        assertEquals(local, h2.tx(() -> sites.findByHost("LocalHost:8080")).orElseThrow());
        assertTrue(h2.tx(() -> sites.findByHost("nowhere.localhost")).isEmpty());
        assertTrue(h2.tx(() -> sites.findByHost(null)).isEmpty());
        assertTrue(h2.tx(() -> sites.findByHost("bad host")).isEmpty());
        assertEquals(
                local, h2.tx(() -> sites.ensureSite("localhost", "other", "Other", "")), "an existing site is kept");
    }

    @Test
    void lookupsAreCachedAndACreatedSiteIsFoundAtOnce() {
        h2.tx(() -> sites.ensureSite("localhost", "parley", "Parley", ""));
        assertTrue(h2.tx(() -> sites.findByHost("localhost")).isPresent());
        assertTrue(h2.tx(() -> sites.findByHost("beer.localhost")).isEmpty());

        h2.statistics().clear();
        h2.tx(() -> sites.findByHost("localhost"));
        h2.tx(() -> sites.findByHost("beer.localhost"));
        assertEquals(0, h2.statistics().getPrepareStatementCount(), "both answers come from the cache");

        SiteInfo beer = h2.tx(() -> sites.ensureSite("beer.localhost", "beer", "Beer", ""));
        assertEquals(
                beer, h2.tx(() -> sites.findByHost("beer.localhost")).orElseThrow(), "the cached miss was cleared");
    }

    @Test
    void anAdminSetsASitesPrivilegeThresholdsAndLookupsSeeThemAtOnce() {
        SiteInfo small = h2.tx(() -> sites.ensureSite("small.localhost", "small", "Small", ""));
        SiteInfo other = h2.tx(() -> sites.ensureSite("other.localhost", "other", "Other", ""));
        assertEquals(PrivilegeLadder.defaults(), small.privileges());
        h2.tx(() -> sites.findByHost("small.localhost")); // cached with the defaults
        Actor admin = new Actor(1, small.id(), Role.ADMIN);

        h2.tx(() -> sites.changePrivileges(admin, small.id(), Map.of(Privilege.CLOSE_REOPEN, 500)));
        SiteInfo found = h2.tx(() -> sites.findByHost("small.localhost")).orElseThrow();
        assertEquals(500, found.privileges().threshold(Privilege.CLOSE_REOPEN), "stored, and the cached site dropped");
        assertEquals(125, found.privileges().threshold(Privilege.VOTE_DOWN));
        assertEquals(
                3_000,
                h2.tx(() -> sites.findByHost("other.localhost"))
                        .orElseThrow()
                        .privileges()
                        .threshold(Privilege.CLOSE_REOPEN),
                "another site keeps its own");

        Actor user = new Actor(2, small.id(), Role.USER);
        assertThrows(
                NotAllowedException.class,
                () -> h2.tx(() -> sites.changePrivileges(user, small.id(), Map.of(Privilege.VOTE_UP, 1))));
        assertThrows(
                InvalidInputException.class,
                () -> h2.tx(() -> sites.changePrivileges(admin, small.id(), Map.of(Privilege.VOTE_UP, 0))));
        assertEquals(
                500,
                h2.tx(() -> sites.findByHost("small.localhost"))
                        .orElseThrow()
                        .privileges()
                        .threshold(Privilege.CLOSE_REOPEN),
                "a refused change changes nothing");

        h2.tx(() -> sites.changePrivileges(admin, small.id(), Map.of()));
        assertEquals(
                PrivilegeLadder.defaults(),
                h2.tx(() -> sites.findByHost("small.localhost")).orElseThrow().privileges(),
                "an empty map restores Stack Overflow's ladder");
        assertEquals(other.privileges(), PrivilegeLadder.defaults());
    }

    @Test
    void anAdminSetsASitesLimitsAndLookupsSeeThemAtOnce() {
        SiteInfo small = h2.tx(() -> sites.ensureSite("small.localhost", "small", "Small", ""));
        SiteInfo other = h2.tx(() -> sites.ensureSite("other.localhost", "other", "Other", ""));
        assertEquals(SiteLimits.defaults(), small.limits());
        assertEquals(10, small.limits().value(Limit.NEW_USER_REPUTATION));
        assertEquals(40, small.limits().value(Limit.QUESTION_INTERVAL_MINUTES));
        assertEquals(40, small.limits().value(Limit.VOTES_PER_DAY));
        assertEquals(10, small.limits().value(Limit.SERIAL_VOTES_PER_DAY));
        h2.tx(() -> sites.findByHost("small.localhost")); // cached with the defaults
        Actor admin = new Actor(1, small.id(), Role.ADMIN);

        h2.tx(() ->
                sites.changeLimits(admin, small.id(), Map.of(Limit.VOTES_PER_DAY, 30, Limit.NEW_USER_REPUTATION, 0)));
        SiteInfo found = h2.tx(() -> sites.findByHost("small.localhost")).orElseThrow();
        assertEquals(30, found.limits().value(Limit.VOTES_PER_DAY), "stored, and the cached site dropped");
        assertEquals(0, found.limits().value(Limit.NEW_USER_REPUTATION));
        assertEquals(40, found.limits().value(Limit.QUESTION_INTERVAL_MINUTES));
        assertEquals(
                SiteLimits.defaults(),
                h2.tx(() -> sites.findByHost("other.localhost")).orElseThrow().limits(),
                "another site keeps its own");

        assertThrows(
                NotAllowedException.class,
                () -> h2.tx(() -> sites.changeLimits(
                        new Actor(2, small.id(), Role.MODERATOR), small.id(), Map.of(Limit.VOTES_PER_DAY, 0))));
        InvalidInputException wrong = assertThrows(
                InvalidInputException.class,
                () -> h2.tx(() -> sites.changeLimits(admin, small.id(), Map.of(Limit.VOTES_PER_DAY, -1))));
        assertEquals("limits", wrong.field());
        assertEquals(
                30,
                h2.tx(() -> sites.findByHost("small.localhost"))
                        .orElseThrow()
                        .limits()
                        .value(Limit.VOTES_PER_DAY),
                "a refused change changes nothing");

        h2.tx(() -> sites.changeLimits(admin, small.id(), Map.of()));
        assertEquals(
                SiteLimits.defaults(),
                h2.tx(() -> sites.findByHost("small.localhost")).orElseThrow().limits(),
                "an empty map restores the defaults");
        assertEquals(other.limits(), SiteLimits.defaults());
    }

    @Test
    void onlyAdminsCreateSitesAndHostsAreUnique() {
        // Creating sites is for the server's admins: admins of its own site, localhost.
        SiteInfo server = h2.tx(() -> sites.ensureSite("localhost", "parley", "Parley", ""));
        Actor admin = new Actor(1, server.id(), Role.ADMIN);
        assertThrows(NotAllowedException.class, () -> h2.tx(() -> sites.create(null, "a.localhost", "a", "A", "")));
        assertThrows(
                NotAllowedException.class,
                () -> h2.tx(() -> sites.create(new Actor(1, 1, Role.MODERATOR), "a.localhost", "a", "A", "")));

        SiteInfo created = h2.tx(() -> sites.create(admin, "A.Localhost", "a", "Site A", "About A"));
        assertEquals(new SiteInfo(created.id(), "a.localhost", "a", "Site A", "About A"), created);
        assertThrows(
                ConflictException.class, () -> h2.tx(() -> sites.create(admin, "a.localhost:80", "a2", "A again", "")));
        assertThrows(InvalidInputException.class, () -> h2.tx(() -> sites.create(admin, "not a host", "x", "X", "")));
        assertThrows(InvalidInputException.class, () -> h2.tx(() -> sites.create(admin, "b.localhost", "B!", "X", "")));
        assertEquals(
                List.of("a.localhost", "localhost"),
                h2.tx(sites::list).stream().map(SiteInfo::host).toList());
    }

    @Test
    void onlyAdminsSwitchMathAndTheCachedSiteFollows() {
        SiteInfo site = h2.tx(() -> sites.ensureSite("qc.localhost", "qc", "Quantum", ""));
        assertFalse(h2.tx(() -> sites.findByHost("qc.localhost")).orElseThrow().math(), "off for a new site");
        assertThrows(
                NotAllowedException.class,
                () -> h2.tx(() -> sites.changeMath(new Actor(1, site.id(), Role.MODERATOR), site.id(), true)));
        assertThrows(
                NotAllowedException.class,
                () -> h2.tx(() -> sites.changeMath(new Actor(1, site.id(), Role.ADMIN), 999_999, true)),
                "another site's settings are not this admin's");
        SiteInfo server = h2.tx(() -> sites.ensureSite("localhost", "parley", "Parley", ""));
        assertThrows(
                org.parley.rules.NotFoundException.class,
                () -> h2.tx(() -> sites.changeMath(new Actor(1, server.id(), Role.ADMIN), 999_999, true)));

        assertTrue(h2.tx(() -> sites.changeMath(new Actor(1, site.id(), Role.ADMIN), site.id(), true))
                .math());
        assertTrue(h2.tx(() -> sites.findByHost("qc.localhost")).orElseThrow().math(), "the cache was cleared");
        assertTrue(h2.tx(() -> sites.mathEnabled(site.id())));
        h2.tx(() -> sites.changeMath(new Actor(1, site.id(), Role.ADMIN), site.id(), false));
        assertFalse(h2.tx(() -> sites.mathEnabled(site.id())));
    }

    @Test
    void anAdminFormLearnsEveryProblemAtOnceEachUnderItsField() {
        // Creating sites is for the server's admins: admins of its own site, localhost.
        SiteInfo server = h2.tx(() -> sites.ensureSite("localhost", "parley", "Parley", ""));
        Actor admin = new Actor(1, server.id(), Role.ADMIN);
        InvalidInputException created = assertThrows(
                InvalidInputException.class, () -> h2.tx(() -> sites.create(admin, "not a host", "B!", " ", "")));
        assertEquals(
                List.of("host", "name", "title"),
                created.problems().stream().map(InvalidInputException::field).toList());

        SiteInfo a = h2.tx(() -> sites.create(admin, "a.localhost", "a", "Site A", ""));
        h2.tx(() -> sites.create(admin, "b.localhost", "b", "Site B", ""));
        InvalidInputException edited = assertThrows(
                InvalidInputException.class,
                () -> h2.tx(() -> sites.update(admin, a.id(), "", "", "not a language", "a.localhost", "bad host!")));
        assertEquals(
                List.of("aliases", "title", "language"),
                edited.problems().stream().map(InvalidInputException::field).toList());
        ConflictException taken = assertThrows(
                ConflictException.class,
                () -> h2.tx(() -> sites.update(admin, a.id(), "Site A", "", "en", "a.localhost", "b.localhost")));
        assertEquals("aliases", taken.field());
        taken = assertThrows(
                ConflictException.class,
                () -> h2.tx(() -> sites.update(admin, a.id(), "Site A", "", "en", "b.localhost", "")));
        assertEquals("host", taken.field());
    }
    /** Issue 18: a site's admin runs that site only; the server's admins (of localhost) run every site. */
    @Test
    void aSitesAdminChangesThatSiteOnlyAndCreatesNone() {
        SiteInfo server = h2.tx(() -> sites.ensureSite("localhost", "parley", "Parley", ""));
        SiteInfo a = h2.tx(() -> sites.ensureSite("a.localhost", "a", "A", ""));
        SiteInfo b = h2.tx(() -> sites.ensureSite("b.localhost", "b", "B", ""));
        Actor adminOfA = new Actor(7, a.id(), Role.ADMIN);
        Actor serverAdmin = new Actor(1, server.id(), Role.ADMIN);
        AdminScope scope = h2.bean(AdminScope.class);

        h2.tx(() -> sites.changeMath(adminOfA, a.id(), true));
        NotAllowedException refused =
                assertThrows(NotAllowedException.class, () -> h2.tx(() -> sites.changeMath(adminOfA, b.id(), true)));
        assertEquals("Only this site's admins can change its settings.", refused.getMessage());
        assertThrows(
                NotAllowedException.class,
                () -> h2.tx(() -> sites.update(adminOfA, b.id(), "Mine now", "", "en", "b.localhost", "")));
        assertThrows(
                NotAllowedException.class,
                () -> h2.tx(() -> sites.create(adminOfA, "c.localhost", "c", "C", "")),
                "creating sites is the server's admins' alone");
        assertFalse(scope.isServerAdmin(adminOfA));

        assertTrue(scope.isServerAdmin(serverAdmin));
        assertTrue(scope.isAdminOf(serverAdmin, b.id()));
        h2.tx(() -> sites.changeMath(serverAdmin, b.id(), true));
        h2.tx(() -> sites.create(serverAdmin, "c.localhost", "c", "C", ""));
        assertFalse(scope.isServerAdmin(new Actor(2, server.id(), Role.MODERATOR)), "a moderator is no admin");
    }
}
