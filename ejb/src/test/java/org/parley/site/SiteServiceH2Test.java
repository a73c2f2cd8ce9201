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
    void onlyAdminsCreateSitesAndHostsAreUnique() {
        Actor admin = new Actor(1, 1, Role.ADMIN);
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
                List.of("a.localhost"),
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
                org.parley.rules.NotFoundException.class,
                () -> h2.tx(() -> sites.changeMath(new Actor(1, site.id(), Role.ADMIN), 999_999, true)));

        assertTrue(h2.tx(() -> sites.changeMath(new Actor(1, site.id(), Role.ADMIN), site.id(), true))
                .math());
        assertTrue(h2.tx(() -> sites.findByHost("qc.localhost")).orElseThrow().math(), "the cache was cleared");
        assertTrue(h2.tx(() -> sites.mathEnabled(site.id())));
        h2.tx(() -> sites.changeMath(new Actor(1, site.id(), Role.ADMIN), site.id(), false));
        assertFalse(h2.tx(() -> sites.mathEnabled(site.id())));
    }

    @Test
    void anAdminFormLearnsEveryProblemAtOnceEachUnderItsField() {
        Actor admin = new Actor(1, 1, Role.ADMIN);
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
}
