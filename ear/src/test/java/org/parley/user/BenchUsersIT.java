package org.parley.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;

/**
 * {@code POST /bench/users} (scripts/bench.sh pages): plain users of one name pattern, made on the operators' listener
 * only, idempotently.
 */
@ExtendWith(ArquillianExtension.class)
class BenchUsersIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(BenchUsersIT.class, Http.class, Http.Response.class);
    }

    @EJB
    SiteService sites;

    @EJB
    UserService users;

    @Test
    void onlyTheOperatorsListenerMakesBenchmarkUsers() throws Exception {
        String name = ParleyDeployment.unique("bu");
        String host = name + ".localhost";
        SiteInfo site = sites.ensureSite(host, name, "Bench " + name, "A site for one test");
        String form = "count=3&password=bench-password-1";

        assertEquals(404, post(Http.port(), host, form).status(), "the public listener knows no /bench/users");
        assertTrue(users.ref(site.id(), "bench-user-1").isEmpty());

        Answer first = post(Http.opsPort(), host, form);
        assertEquals(200, first.status());
        assertEquals("bench-user-1 created\nbench-user-2 created\nbench-user-3 created\n", first.body());
        assertTrue(users.authenticate(site.id(), "bench-user-3", "bench-password-1")
                .isPresent());
        assertEquals(
                org.parley.common.Role.USER,
                users.actorFor(site.id(), "bench-user-2").orElseThrow().role());

        Answer again = post(Http.opsPort(), host, "count=4&password=another-password");
        assertEquals(
                "bench-user-1 exists\nbench-user-2 exists\nbench-user-3 exists\nbench-user-4 created\n", again.body());
        assertTrue(
                users.authenticate(site.id(), "bench-user-1", "bench-password-1")
                        .isPresent(),
                "a user there already keeps its password");

        assertEquals(
                400,
                post(Http.opsPort(), host, "count=0&password=bench-password-1").status());
        assertEquals(400, post(Http.opsPort(), host, "count=9&password=short").status());
    }

    /** {@code GET /bench/messages} (scripts/bench.sh messages): the database's delivery counts, operators only. */
    @Test
    void onlyTheOperatorsListenerCountsDeliveries() throws Exception {
        String name = ParleyDeployment.unique("bm");
        String host = name + ".localhost";
        sites.ensureSite(host, name, "Bench " + name, "A site for one test");
        assertEquals(404, get(Http.port(), host, "/bench/messages?from=1&to=9").status(), "not on the public listener");
        assertEquals(
                400, get(Http.opsPort(), host, "/bench/messages?from=x&to=9").status());
        Answer none = get(Http.opsPort(), host, "/bench/messages?from=1&to=1000000");
        assertEquals(200, none.status());
        assertTrue(
                none.body().contains("\"messages\": 0") && none.body().contains("\"doubled\": 0"),
                "a new site has no messages: " + none.body());
    }

    private record Answer(int status, String body) {}

    private static Answer get(int port, String host, String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        c.setRequestProperty("Host", host + ":" + port);
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Answer post(int port, String host, String form) throws IOException {
        HttpURLConnection c = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port + "/bench/users").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setRequestProperty("Host", host + ":" + port);
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        c.setDoOutput(true);
        try (OutputStream out = c.getOutputStream()) {
            out.write(form.getBytes(StandardCharsets.UTF_8));
        }
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
