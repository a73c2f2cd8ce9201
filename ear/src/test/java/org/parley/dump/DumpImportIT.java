package org.parley.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Role;
import org.parley.search.PostIndex;
import org.parley.site.SiteService;
import org.parley.testing.ParleyDeployment;
import org.parley.user.UserService;

/**
 * The import of the bundled real dump through {@code /api/imports} and the batch job in WildFly: counts per file equal
 * the file's rows minus the reported skips, pages show imported fields, a second import adds nothing, the API answers
 * 401/403/400/404/409 as documented, a folder without some files imports the rest with a warning per missing file, and
 * a cut-off file fails naming file and line without creating the site.
 */
@ExtendWith(ArquillianExtension.class)
class DumpImportIT {

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = ParleyDeployment.ear(DumpImportIT.class, DumpImportIT.Reply.class);
        Path bundled = Path.of("../../shared/data/se-dump/bicycles.meta.stackexchange.com")
                .toAbsolutePath()
                .normalize();
        ear.getAsType(WebArchive.class, "parley-web.war")
                .addAsResource(new StringAsset(bundled.toString()), "bundled-dump-path.txt");
        return ear;
    }

    static final String ADMIN = "importadmin";
    static final String PASSWORD = "import-admin-password";

    @EJB
    UserService users;

    @EJB
    SiteService sites;

    @EJB
    PostIndex postIndex;

    private Path bundled;

    @BeforeEach
    void admin() throws IOException {
        long local = sites.findByHost("localhost").orElseThrow().id();
        if (users.actorFor(local, ADMIN).isEmpty()) {
            users.createUser(local, ADMIN, "Import Admin", PASSWORD, Role.ADMIN);
        }
        if (users.actorFor(local, "importuser").isEmpty()) {
            users.createUser(local, "importuser", "Import User", PASSWORD, Role.USER);
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("bundled-dump-path.txt")) {
            bundled = Path.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void theBundledDumpImportsFileByFileAndTwiceAddsNothing() throws Exception {
        String name = ParleyDeployment.unique("meta");
        String host = name + ".localhost";
        Reply started = post("/api/imports", form("dir", bundled.toString(), "site", name, "host", host), ADMIN);
        assertEquals(202, started.status, started.body);
        JsonObject done = await(started.json().getInt("id"));
        assertEquals("COMPLETED", done.getString("status"), done.toString());

        long totalRows = 0;
        for (JsonValue v : done.getJsonArray("files")) {
            JsonObject f = v.asJsonObject();
            long inFile = rowsIn(bundled.resolve(f.getString("file")));
            totalRows += inFile;
            assertEquals(inFile, f.getJsonNumber("total").longValue(), f.toString());
            assertEquals(inFile, f.getJsonNumber("read").longValue(), f.toString());
            assertEquals(
                    inFile - f.getJsonNumber("skipped").longValue(),
                    f.getJsonNumber("imported").longValue(),
                    f.toString());
        }
        assertEquals(totalRows, done.getJsonNumber("rowsDone").longValue());
        // Votes on posts the dump leaves out are kept for export and counted as a note, not skipped.
        assertEquals(0, file(done, "Votes.xml").getJsonNumber("skipped").longValue(), done.toString());
        assertEquals(
                163, file(done, "Votes.xml").getJsonObject("notes").getInt("post not in the dump (kept for export)"));
        // The last step made every imported post searchable.
        long siteId = sites.findByHost(host).orElseThrow().id();
        PostIndex.Status index = postIndex.status(siteId);
        assertEquals(1424, index.posts(), "questions and answers (the other 22 rows are tag wikis and excerpts)");
        assertEquals(new PostIndex.Status(index.posts(), index.posts(), -1), index);
        assertEquals(index.posts(), done.getJsonNumber("postsIndexed").longValue(), done.toString());

        // Fields on pages: question 1 with its view count, closed date, license and linked duplicate.
        Reply question = follow(host, "/questions/1");
        assertEquals(200, question.status);
        assertTrue(question.body.contains("Suggest a domain name"), "title");
        // 485 in the dump, and this view: the page counts the view it shows (NewcomerBrowserIT).
        assertTrue(question.body.contains("486 times"), "view count");
        assertTrue(question.body.contains("Closed"), "closed date");
        assertTrue(question.body.contains("CC BY-SA 2.5"), "license");
        assertTrue(question.body.contains("Write an Elevator Pitch / Tagline"), "linked duplicate");
        Reply revisions = call("GET", host, "/revisions/1", null, null);
        assertEquals(200, revisions.status);
        assertTrue(revisions.body.contains("Revision 1"), "revisions are numbered");
        Reply profile = follow(host, "/users/2?tab=badges");
        assertTrue(profile.body.contains("Kevin Montrose"), "user kept by id");
        assertTrue(profile.body.contains("Autobiographer"), "badges on the profile's Badges tab");

        // The same dump again: nothing new.
        Reply again = post("/api/imports", form("dir", bundled.toString(), "site", name, "host", host), ADMIN);
        assertEquals(202, again.status, again.body);
        JsonObject second = await(again.json().getInt("id"));
        assertEquals("COMPLETED", second.getString("status"));
        for (JsonValue v : second.getJsonArray("files")) {
            JsonObject f = v.asJsonObject();
            assertEquals(0, f.getJsonNumber("imported").longValue(), f.toString());
        }
        assertEquals(
                2551, file(second, "Users.xml").getJsonObject("skips").getInt("already imported"), "every user again");
    }

    @Test
    void theApiWantsAnAdminAndSaysWhatIsWrong() throws Exception {
        assertEquals(401, post("/api/imports", form("dir", bundled.toString(), "site", "x"), null).status);
        assertEquals(401, post("/api/imports", form("dir", bundled.toString(), "site", "x"), "nobody").status);
        assertEquals(403, post("/api/imports", form("dir", bundled.toString(), "site", "x"), "importuser").status);
        Reply missing = post("/api/imports", form("dir", "/no/such/folder", "site", "x"), ADMIN);
        assertEquals(400, missing.status);
        assertTrue(missing.body.contains("Folder not found"), missing.body);
        assertEquals(404, get("/api/imports/999999999", ADMIN).status);

        String name = ParleyDeployment.unique("busy");
        Reply first = post("/api/imports", form("dir", bundled.toString(), "site", name), ADMIN);
        assertEquals(202, first.status, first.body);
        Reply second = post("/api/imports", form("dir", bundled.toString(), "site", name + "b"), ADMIN);
        assertEquals(409, second.status, "a second import while one runs: " + second.body);
        await(first.json().getInt("id"));
    }

    @Test
    void aCutOffFileFailsNamingFileAndLineAndLeavesNoSite() throws Exception {
        Path dir = Files.createTempDirectory("cut-dump");
        for (String f : new String[] {
            "Users.xml",
            "Tags.xml",
            "Posts.xml",
            "Comments.xml",
            "Votes.xml",
            "Badges.xml",
            "PostHistory.xml",
            "PostLinks.xml"
        }) {
            Files.copy(bundled.resolve(f), dir.resolve(f));
        }
        byte[] votes = Files.readAllBytes(dir.resolve("Votes.xml"));
        Files.write(dir.resolve("Votes.xml"), java.util.Arrays.copyOf(votes, votes.length / 2));
        String name = ParleyDeployment.unique("cut");
        Reply started = post("/api/imports", form("dir", dir.toString(), "site", name), ADMIN);
        assertEquals(202, started.status, started.body);
        JsonObject done = await(started.json().getInt("id"));
        assertEquals("FAILED", done.getString("status"));
        String message = done.getString("message");
        assertTrue(message.startsWith("Votes.xml line "), message);
        assertTrue(message.contains("cut off"), message);
        assertTrue(sites.findByHost(name + ".localhost").isEmpty(), "no half site");
    }

    @Test
    void aDumpWithoutSomeFilesImportsWhatItHasAndWarnsOfEachMissingFile() throws Exception {
        Path dir = Files.createTempDirectory("partial-dump");
        for (String f :
                new String[] {"Users.xml", "Tags.xml", "Posts.xml", "Comments.xml", "Votes.xml", "PostLinks.xml"}) {
            Files.copy(bundled.resolve(f), dir.resolve(f));
        }
        String name = ParleyDeployment.unique("partial");
        Reply started = post("/api/imports", form("dir", dir.toString(), "site", name), ADMIN);
        assertEquals(202, started.status, started.body);
        JsonObject done = await(started.json().getInt("id"));
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(
                java.util.List.of(
                        "Badges.xml is missing: users have no badges.",
                        "PostHistory.xml is missing: posts have no revision history."),
                done.getJsonArray("warnings").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList(),
                done.toString());
        assertTrue(file(done, "Badges.xml").getBoolean("missing"), done.toString());
        assertEquals(0, file(done, "Badges.xml").getJsonNumber("read").longValue());
        assertFalse(file(done, "Posts.xml").getBoolean("missing"), done.toString());
        assertEquals(
                rowsIn(dir.resolve("Posts.xml")),
                file(done, "Posts.xml").getJsonNumber("imported").longValue());
        assertEquals(
                rowsIn(dir.resolve("Users.xml")),
                file(done, "Users.xml").getJsonNumber("imported").longValue());
    }

    // --- helpers

    private static JsonObject file(JsonObject status, String name) {
        for (JsonValue v : status.getJsonArray("files")) {
            if (v.asJsonObject().getString("file").equals(name)) {
                return v.asJsonObject();
            }
        }
        throw new AssertionError("no " + name + " in " + status);
    }

    private JsonObject await(int id) throws Exception {
        for (int i = 0; i < 600; i++) {
            Reply r = get("/api/imports/" + id, ADMIN);
            assertEquals(200, r.status, r.body);
            JsonObject s = r.json();
            if (s.getString("status").equals("COMPLETED")
                    || s.getString("status").equals("FAILED")) {
                return s;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    private static long rowsIn(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith("  <row ")).count();
        }
    }

    private static Reply follow(String host, String path) throws IOException {
        Reply r = call("GET", host, path, null, null);
        if (r.status == 301 || r.status == 302) {
            URI to = URI.create(r.location);
            r = call(
                    "GET",
                    host,
                    to.getRawPath() + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery()),
                    null,
                    null);
        }
        return r;
    }

    /** The test server's HTTP port, seen from inside it (in-container tests do not get the test JVM's properties). */
    static int port() {
        return Integer.getInteger("it.http.port", 8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0));
    }

    private static Map<String, String> form(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    record Reply(int status, String body, String location) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    private static Reply get(String path, String user) throws IOException {
        return call("GET", "localhost", path, null, user);
    }

    private static Reply post(String path, Map<String, String> form, String user) throws IOException {
        StringBuilder b = new StringBuilder();
        form.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return call("POST", "localhost", path, b.toString(), user);
    }

    private static Reply call(String method, String host, String path, String form, String user) throws IOException {
        HttpURLConnection c = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port() + path).toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        c.setRequestMethod(method);
        c.setRequestProperty("Host", host + ":" + port());
        c.setRequestProperty("Accept", "application/json");
        if (user != null) {
            String password = user.equals("nobody") ? "wrong-password-here" : PASSWORD;
            c.setRequestProperty(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (form != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            try (OutputStream out = c.getOutputStream()) {
                out.write(form.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        return new Reply(
                status,
                in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8),
                c.getHeaderField("Location"));
    }
}
