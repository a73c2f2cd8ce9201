package org.parley.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.rules.NotAllowedException;
import org.parley.site.SiteService;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;
import org.parley.user.UserService;

/**
 * Requests of each kind are logged on the node, shipped to {@code access_log} under their routes with their status,
 * bytes and page flag; shipping them again adds nothing; the rollup counts them per site and route.
 */
@ExtendWith(ArquillianExtension.class)
class AccessLogIT {

    static final String ADMIN = "trafficadmin";
    static final String ROUTE = "/test/accesslog/{id}";

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.withEjbBeans(
                ParleyDeployment.ear(AccessLogIT.class, Http.class, Page.class), AccessLogFixture.class);
    }

    @EJB
    AccessLog log;

    @EJB
    AccessLogFixture fixture;

    @EJB
    TrafficService traffic;

    @EJB
    UserService users;

    @EJB
    SiteService sites;

    Actor admin;
    Instant since;

    @BeforeEach
    void admin() {
        long local = sites.findByHost("localhost").orElseThrow().id();
        if (users.actorFor(local, ADMIN).isEmpty()) {
            users.createUser(local, ADMIN, "Traffic Admin", "correct-horse-battery", Role.ADMIN);
        }
        admin = users.actorFor(local, ADMIN).orElseThrow();
        // What earlier tests (and runs: the test server keeps its database) logged is shipped before this test starts.
        log.shipNow();
        since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void requestsAreShippedUnderTheirRoutesWithStatusBytesAndPageFlag() throws Exception {
        assertEquals(200, Http.get("localhost", "/test/accesslog/12345").status());
        assertEquals(503, Http.get("localhost", "/test/accesslog/503").status());
        assertEquals(200, Http.get("localhost", "/").status());
        assertEquals(
                404,
                Http.get("localhost", "/questions/987654321/no-such-question").status());
        Http.get("localhost", "/jakarta.faces.resource/faces.js?ln=jakarta.faces");

        List<AccessLogEntry> test = shipped(ROUTE, 2);
        assertEquals(2, test.size(), "both calls, under one route");
        shipped("/index", 1);
        shipped("/questions/view", 1);
        assertEquals(0, log.backlog(), "shipped rows leave the node's file");
        AccessLogEntry ok =
                test.stream().filter(e -> e.getStatus() == 200).findFirst().orElseThrow();
        assertEquals("localhost", ok.getSite());
        assertEquals("GET", ok.getMethod());
        assertEquals(Page.BODY.length(), ok.getBytes());
        assertFalse(ok.isPage(), "plain text is no page load");
        assertFalse(ok.isLoggedIn());
        assertTrue(ok.getTotalMicros() > 0);
        assertTrue(test.stream().anyMatch(e -> e.getStatus() == 503));

        AccessLogEntry home = fixture.rows("/index", since).get(0);
        assertEquals(200, home.getStatus());
        assertTrue(home.isPage(), "the home page is a page load");
        assertTrue(home.getBytes() > 1000, "the page's bytes: " + home.getBytes());
        assertEquals(
                404, fixture.rows("/questions/view", since).get(0).getStatus(), "a question page, whatever its id");
        assertTrue(fixture.rows("/jakarta.faces.resource/faces.js", since).isEmpty(), "static files are not logged");
    }

    @Test
    void shippingTheSameRowsAgainAddsNothing() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Http.get("localhost", "/test/accesslog/" + i).status());
        }
        assertEquals(3, shipped(ROUTE, 3).size());
        // As after a crash between the main commit and the local delete: the same store and sequence numbers again.
        assertEquals(0, fixture.shipAgain(ROUTE, since));
        assertEquals(3, fixture.rows(ROUTE, since).size());
    }

    @Test
    void theRollupCountsTodaysRequestsPerSiteAndRoute() throws Exception {
        assertEquals(200, Http.get("localhost", "/test/accesslog/1").status());
        assertEquals(503, Http.get("localhost", "/test/accesslog/503").status());
        shipped(ROUTE, 2);
        assertTrue(traffic.rollUpNow(admin) > 0);
        AccessStatistic day = traffic.day(admin, LocalDate.now(ZoneOffset.UTC)).stream()
                .filter(s -> s.getRoute().equals(ROUTE) && s.getSite().equals("localhost"))
                .findFirst()
                .orElseThrow();
        assertTrue(day.getRequests() >= 2, "requests " + day.getRequests());
        assertTrue(day.getErrors() >= 1, "errors " + day.getErrors());
        assertTrue(day.getP50Micros() > 0 && day.getP50Micros() <= day.getP99Micros());
        assertTrue(
                traffic.lastHours(admin, 2).stream().anyMatch(s -> s.getRoute().equals(ROUTE)));
        long requests = day.getRequests();
        traffic.rollUpNow(admin);
        AccessStatistic again = traffic.day(admin, LocalDate.now(ZoneOffset.UTC)).stream()
                .filter(s -> s.getRoute().equals(ROUTE) && s.getSite().equals("localhost"))
                .findFirst()
                .orElseThrow();
        assertEquals(requests, again.getRequests(), "a second rollup replaces the first, it does not add");
    }

    @Test
    void onlyTheServersAdminsSeeTheTraffic() {
        Actor user = new Actor(0, admin.siteId(), Role.USER);
        assertThrowsNotAllowed(() -> traffic.day(user, LocalDate.now(ZoneOffset.UTC)));
        assertThrowsNotAllowed(() -> traffic.rollUpNow(user));
        assertEquals(0, traffic.node(admin).dropped());
    }

    /**
     * Ships until {@code count} rows of {@code route} since the test began are in the main table (a row is offered to
     * the log just after its response has gone out, so the client can be a moment ahead of it), at most 10 s.
     */
    private List<AccessLogEntry> shipped(String route, int count) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(10);
        while (true) {
            log.shipNow();
            List<AccessLogEntry> rows = fixture.rows(route, since);
            if (rows.size() >= count || Instant.now().isAfter(until)) {
                return rows;
            }
            Thread.sleep(100);
        }
    }

    private static void assertThrowsNotAllowed(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof NotAllowedException)) {
                cause = cause.getCause();
            }
            assertTrue(cause != null, "expected NotAllowedException, got " + e);
            return;
        }
        throw new AssertionError("expected NotAllowedException");
    }

    @WebServlet("/test/accesslog/*")
    public static class Page extends HttpServlet {
        static final String BODY = "logged";

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            int status = "/503".equals(request.getPathInfo()) ? 503 : 200;
            response.setStatus(status);
            response.setContentType("text/plain");
            response.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
        }
    }
}
