package org.parley.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.Http;
import org.parley.testing.PageClient;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.SiteUser;
import org.parley.user.UserService;

/**
 * Anonymous pages from the output cache: hits without sessions, 304s, and no stale page once a write returned; no
 * session for anonymous visitors on any public page; versioned static assets and the asset host.
 */
@ExtendWith(ArquillianExtension.class)
class OutputCacheIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(OutputCacheIT.class, Http.class, SiteUser.class, PageClient.class);
    }

    @EJB
    SiteService sites;

    @EJB
    UserService users;

    @EJB
    QuestionService questions;

    @Test
    void anAnonymousQuestionPageIsCachedRevalidatedAndInvalidated() throws Exception {
        String name = ParleyDeployment.unique("oc");
        String host = name + ".localhost";
        SiteInfo site = sites.ensureSite(host, name, "Output " + name, "A site for one test");
        users.createUser(site.id(), "asker", "Asker", "correct-horse-battery", Role.USER);
        Actor asker = users.actorFor(site.id(), "asker").orElseThrow();
        QuestionSummary q = questions.ask(
                asker,
                "Is this page served from the output cache?",
                "A body long enough to be a real question.",
                List.of("cache"));
        String path = "/questions/" + q.number() + "/" + q.slug();

        Http.Response first = Http.get(host, path);
        assertEquals(200, first.status());
        assertEquals("miss", first.header("X-Parley-Cache"));
        assertTrue(first.body().contains("value=\"stateless\""), "anonymous pages keep no view state in a session");

        Http.Response second = Http.get(host, path);
        assertEquals("hit", second.header("X-Parley-Cache"));
        assertEquals(first.body(), second.body());
        assertNull(second.header("Set-Cookie"), "a cached hit starts no session");
        String etag = second.header("ETag");
        assertNotNull(etag);
        assertNotNull(second.header("Last-Modified"));

        Http.Response revalidated = Http.get(host, path, Map.of("If-None-Match", etag));
        assertEquals(304, revalidated.status());
        assertEquals("", revalidated.body());

        questions.edit(
                asker,
                q.number(),
                q.title(),
                "A body long enough to be a real question, edited since.",
                List.of("cache", "edited"));
        Http.Response after = Http.get(host, path, Map.of("If-None-Match", etag));
        assertEquals(200, after.status(), "the edit changed the page, so the old ETag no longer matches");
        assertEquals("miss", after.header("X-Parley-Cache"));
        assertTrue(after.body().contains("edited since"), "no stale page once the write returned");

        Http.Response tagged = Http.get(host, "/questions/tagged/edited");
        assertTrue(tagged.body().contains(q.title()), "lists show the edit too");
    }

    @Test
    void theOperatorsListenerAloneCanAskForAMissThatLeavesTheCacheAlone() throws Exception {
        String name = ParleyDeployment.unique("obp");
        String host = name + ".localhost";
        SiteInfo site = sites.ensureSite(host, name, "Bypass " + name, "A site for one test");
        users.createUser(site.id(), "asker", "Asker", "correct-horse-battery", Role.USER);
        Actor asker = users.actorFor(site.id(), "asker").orElseThrow();
        QuestionSummary q = questions.ask(
                asker,
                "Can a benchmark render this page without the cache?",
                "A body long enough to be a real question.",
                List.of("cache"));
        String path = "/questions/" + q.number() + "/" + q.slug();
        Map<String, String> bypass = Map.of("X-Parley-Output-Cache", "bypass");

        assertEquals("miss", Http.get(host, path).header("X-Parley-Cache"));
        Http.Response cached = Http.get(host, path, bypass);
        assertEquals("hit", cached.header("X-Parley-Cache"), "the public listener ignores the header");

        for (int i = 0; i < 2; i++) {
            Http.Response rendered = Http.ops(host, path, bypass);
            assertEquals(200, rendered.status());
            assertEquals("bypass", rendered.header("X-Parley-Cache"), "rendered again every time");
            assertNull(rendered.header("Set-Cookie"), "rendered without a session, as a miss is");
            assertTrue(rendered.body().contains(q.title()));
        }
        Http.Response after = Http.get(host, path);
        assertEquals("hit", after.header("X-Parley-Cache"));
        assertEquals(cached.header("ETag"), after.header("ETag"), "the stored page is the one stored before");
    }

    @Test
    void pagesOfTwoSitesAreCachedApart() throws Exception {
        String a = ParleyDeployment.unique("oa");
        String b = ParleyDeployment.unique("ob");
        sites.ensureSite(a + ".localhost", a, "Site " + a, "");
        sites.ensureSite(b + ".localhost", b, "Site " + b, "");
        Http.get(a + ".localhost", "/");
        assertTrue(Http.get(a + ".localhost", "/").body().contains("Site " + a));
        assertTrue(Http.get(b + ".localhost", "/").body().contains("Site " + b));
    }

    @Test
    void unknownParametersAndInvalidValuesRedirectToTheCanonicalUrl() throws Exception {
        for (String[] c : new String[][] {
            {"/questions?utm_source=x", "/questions"},
            {"/questions?page=zz1", "/questions"},
            {"/questions?sort=a123", "/questions"},
            {"/questions?sort=newest&page=1", "/questions"},
            {"/questions?page=2&sort=votes", "/questions?sort=votes&page=2"},
            {"/questions?sort=votes&sort=active", "/questions?sort=votes"},
            {"/questions?page=02", "/questions"},
            {"/?x=1", "/"},
            {"/tags?page=3&filter=ja", "/tags?filter=ja&page=3"},
            {"/questions/tagged/java?page=-1&sort=hot", "/questions/tagged/java?sort=hot"},
            {"/questions/5/some-slug?answertab=votes", "/questions/5/some-slug"}
        }) {
            Http.Response r = Http.get("localhost", c[0]);
            assertEquals(301, r.status(), c[0]);
            assertEquals(c[1], r.header("Location"), c[0]);
        }
    }

    /**
     * Issue 18: made-up URLs of the cached pages (junk parameters and values, page numbers past the end, unknown tags
     * and tag expressions, filters) add no entry to the output cache, on this server's L1 or in the shared pages cache;
     * the canonical pages still come from it.
     */
    @Test
    void tenThousandJunkUrlsLeaveTheCacheAsItWas() throws Exception {
        String name = ParleyDeployment.unique("junk");
        String host = name + ".localhost";
        SiteInfo site = sites.ensureSite(host, name, "Junk " + name, "");
        users.createUser(site.id(), "asker", "Asker", "correct-horse-battery", Role.USER);
        Actor asker = users.actorFor(site.id(), "asker").orElseThrow();
        QuestionSummary q = questions.ask(
                asker,
                "Can junk URLs fill the page cache?",
                "A body long enough to be a real question.",
                List.of("junk"));
        List<String> canonical = List.of(
                "/",
                "/questions",
                "/questions?sort=votes",
                "/tags",
                "/questions/tagged/junk",
                "/questions/" + q.number() + "/" + q.slug());
        for (String path : canonical) {
            Http.get(host, path);
            assertEquals("hit", Http.get(host, path).header("X-Parley-Cache"), path);
        }
        Map<String, Long> before = pageEntries();

        int redirected = 0;
        int notFound = 0;
        int rendered = 0;
        for (int i = 0; i < 10_000; i++) {
            String path = switch (i % 10) {
                case 0 -> "/questions?page=zz" + i;
                case 1 -> "/questions?sort=a" + i;
                case 2 -> "/?utm_source=" + i;
                case 3 -> "/questions/" + q.number() + "/" + q.slug() + "?x=" + i;
                case 4 -> "/tags?page=" + i + "&x";
                case 5 -> "/questions/tagged/junk?sort=votes&page=" + i + "&b=" + i;
                case 6 -> i % 100 == 6 ? "/questions?page=" + (i + 2) : "/questions?page=1&n=" + i;
                case 7 -> i % 100 == 7 ? "/questions/tagged/nosuchtag" + i : "/questions/tagged/junk?p=" + i;
                case 8 -> i % 100 == 8 ? "/questions/tagged/junk+or+t" + i : "/questions?sort=votes&" + i;
                default -> i % 100 == 9 ? "/tags?filter=j" + i : "/tags?filter=%20j&" + i;
            };
            Http.Response r = Http.get(host, path);
            switch (r.status()) {
                case 301 -> redirected++;
                case 404 -> notFound++;
                case 200 -> rendered++;
                default -> throw new AssertionError(path + " answered " + r.status());
            }
            assertNotEquals("miss", r.header("X-Parley-Cache"), path + " was stored");
        }
        Map<String, Long> after = pageEntries();
        System.out.printf(
                "junk URLs: 10000 requested, %d redirected, %d not found, %d rendered uncached; page entries before %s,"
                        + " after %s%n",
                redirected, notFound, rendered, before, after);
        for (Map.Entry<String, Long> e : before.entrySet()) {
            assertTrue(
                    after.get(e.getKey()) <= e.getValue(),
                    e.getKey() + ": " + e.getValue() + " entries before, " + after.get(e.getKey()) + " after");
        }
        assertEquals(9_600, redirected);
        assertEquals(300, rendered, "unknown tags, tag expressions and filters are rendered, never stored");
        assertEquals(100, notFound, "pages past the end are not found");
        for (String path : canonical) {
            assertEquals("hit", Http.get(host, path).header("X-Parley-Cache"), path + " is still cached");
        }
    }

    /** Issue 18: the security headers on every kind of response, a page from the output cache included. */
    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        Http.get("localhost", "/questions");
        for (Http.Response r : List.of(
                Http.get("localhost", "/questions"),
                Http.get("localhost", "/users/login"),
                Http.get("localhost", "/questions/987654321/gone"),
                Http.get("localhost", "/questions?junk=1"),
                Http.get("localhost", "/health"),
                Http.get("localhost", "/api/notifications"))) {
            String what = r.status() + " " + r.headers();
            String csp = r.header("Content-Security-Policy");
            assertNotNull(csp, what);
            for (String directive : List.of(
                    "default-src 'self'",
                    "object-src 'none'",
                    "base-uri 'self'",
                    "form-action 'self'",
                    "frame-ancestors 'none'")) {
                assertTrue(csp.contains(directive), directive + " in " + csp);
            }
            assertEquals("DENY", r.header("X-Frame-Options"), what);
            assertEquals("nosniff", r.header("X-Content-Type-Options"), what);
            assertEquals("strict-origin-when-cross-origin", r.header("Referrer-Policy"), what);
            assertNull(r.header("Strict-Transport-Security"), "no HSTS over plain http: " + what);
        }
        assertEquals("hit", Http.get("localhost", "/questions").header("X-Parley-Cache"));
    }

    /** This server's page entries, in its L1 and in the shared pages cache, from {@code /metrics/cache}. */
    private static Map<String, Long> pageEntries() throws Exception {
        String metrics = Http.ops("localhost", "/metrics/cache").body();
        Map<String, Long> entries = new java.util.TreeMap<>();
        Matcher m = Pattern.compile("parley_cache_curr_items\\{cache=\"(l1\\.page|l2\\.page)\",[^}]*} ([0-9]+)")
                .matcher(metrics);
        while (m.find()) {
            entries.put(m.group(1), Long.parseLong(m.group(2)));
        }
        assertEquals(2, entries.size(), metrics);
        return entries;
    }

    @Test
    void anAnonymousVisitorGetsNoSessionFromAnyPublicPage() throws Exception {
        String name = ParleyDeployment.unique("ns");
        String host = name + ".localhost";
        SiteInfo site = sites.ensureSite(host, name, "Sessionless " + name, "");
        users.createUser(site.id(), "asker", "Asker", "correct-horse-battery", Role.USER);
        Actor asker = users.actorFor(site.id(), "asker").orElseThrow();
        QuestionSummary q = questions.ask(
                asker,
                "Does reading this page start a session?",
                "A body long enough to be a real question.",
                List.of("sessions"));
        String question = "/questions/" + q.number() + "/" + q.slug();
        for (String path : List.of(
                "/",
                "/",
                question,
                question,
                "/questions",
                "/questions?sort=votes",
                "/tags",
                "/questions/tagged/sessions",
                "/users/1/asker",
                question + "?utm_source=x",
                "/questions/999999/gone",
                "/no/such/page",
                "/revisions/999999")) {
            Http.Response r = Http.get(host, path);
            assertTrue(r.status() < 500, path + " answered " + r.status());
            assertFalse(
                    sessionCookie(r),
                    path + " (" + r.status() + ", " + r.header("X-Parley-Cache") + ") set " + r.headers());
        }
        assertEquals(404, Http.get(host, "/questions/999999/gone").status());
        // The check can fail: the log-in form keeps its view state (the CSRF token) in a session.
        assertTrue(sessionCookie(Http.get(host, "/users/login")), "the log-in page starts a session");
    }

    private static boolean sessionCookie(Http.Response r) {
        for (Map.Entry<String, List<String>> e : r.headers().entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase("Set-Cookie")) {
                return e.getValue().stream().anyMatch(c -> c.startsWith("JSESSIONID="));
            }
        }
        return false;
    }

    @Test
    void assetsAreVersionedByContentAndKeptForAYear() throws Exception {
        String name = ParleyDeployment.unique("as");
        String host = name + ".localhost";
        sites.ensureSite(host, name, "Assets " + name, "");
        String home = Http.get(host, "/").body();
        Matcher css = Pattern.compile("href=\"/assets/([0-9a-f]{12})/css/parley\\.css\"")
                .matcher(home);
        assertTrue(css.find(), "the stylesheet by a versioned URL: " + home);
        assertTrue(
                Pattern.compile("src=\"/assets/[0-9a-f]{12}/js/parley\\.js\"")
                        .matcher(home)
                        .find(),
                home);
        assertFalse(home.contains("ln=primefaces"), "an anonymous reader's page loads no PrimeFaces");
        String loggedIn = SiteUser.register(localhost(), "as").client().get("/").body();
        assertTrue(loggedIn.contains("ln=primefaces&amp;v="), "PrimeFaces' resources carry their version: " + loggedIn);

        String hash = css.group(1);
        Http.Response asset = Http.get(host, "/assets/" + hash + "/css/parley.css");
        assertEquals(200, asset.status());
        assertEquals("public, max-age=31536000, immutable", asset.header("Cache-Control"));
        assertTrue(asset.header("Content-Type").startsWith("text/css"), asset.header("Content-Type"));
        assertNull(asset.header("Set-Cookie"));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(asset.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(
                hash, HexFormat.of().formatHex(digest).substring(0, 12), "the URL's version is the content's hash");
        assertEquals(
                304,
                Http.get(host, "/assets/" + hash + "/css/parley.css", Map.of("If-None-Match", "\"" + hash + "\""))
                        .status());

        Http.Response old = Http.get(host, "/assets/000000000000/css/parley.css");
        assertEquals(200, old.status(), "a page from before a deployment still gets its stylesheet");
        assertEquals("public, max-age=60", old.header("Cache-Control"), "but not pinned for a year under the old URL");
        assertEquals(asset.body(), old.body());
        assertEquals(404, Http.get(host, "/assets/" + hash + "/css/nothing.css").status());
        assertEquals(
                404, Http.get(host, "/assets/" + hash + "/../WEB-INF/web.xml").status());
        assertEquals(404, Http.get(host, "/assets/nothash/css/parley.css").status());
        assertEquals(
                200,
                Http.get("cdn-origin.example", "/assets/" + hash + "/css/parley.css")
                        .status(),
                "a CDN fetches assets under its own origin host name");
    }

    @Test
    void theAssetHostIsPutInFrontOfEveryStaticUrl() throws Exception {
        String name = ParleyDeployment.unique("ah");
        String host = name + ".localhost";
        sites.ensureSite(host, name, "Asset host " + name, "");
        // In-container: this test runs in the server's JVM, where the property is read for every page.
        System.setProperty("parley.asset.host", "https://static.example.test/");
        SiteUser user = SiteUser.register(localhost(), "ah");
        String page;
        String loggedIn;
        try {
            page = Http.get(host, "/tags").body();
            loggedIn = user.client().get("/tags").body(); // PrimeFaces is for logged-in users
        } finally {
            System.clearProperty("parley.asset.host");
        }
        assertTrue(
                Pattern.compile("href=\"https://static\\.example\\.test/assets/[0-9a-f]{12}/css/parley\\.css\"")
                        .matcher(page)
                        .find(),
                page);
        assertTrue(
                loggedIn.contains("src=\"https://static.example.test/jakarta.faces.resource/"),
                "PrimeFaces' too: " + loggedIn);

        System.setProperty("parley.asset.host", "javascript:alert(1)");
        try {
            page = Http.get(host, "/questions?sort=votes").body();
        } finally {
            System.clearProperty("parley.asset.host");
        }
        assertFalse(page.contains("javascript:alert"), "a malformed asset host is ignored");
        assertTrue(
                Pattern.compile("href=\"/assets/[0-9a-f]{12}/css/parley\\.css\"")
                        .matcher(page)
                        .find(),
                page);
    }

    /** The default site, where users register through the pages (from inside the server, as a browser would). */
    private static URI localhost() {
        return URI.create("http://localhost:" + Http.port());
    }
}
