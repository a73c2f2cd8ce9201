package org.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.testing.DumpImports;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;

/**
 * The Stack Exchange API contract (issue 21) on the bundled dump, imported through the admin API into a site of its
 * own: each method's wrapper, fields and their JSON types as the Stack Exchange documentation lists them, values
 * checked against the dump (question 1: closed, community wiki, 11 comments; answer 14 on it), sorts, ranges, the
 * {@code site} parameter and the 2.2 alias, the built-in filters, gzip, each bad parameter with its documented error,
 * and the daily quota counting down to a throttle_violation. Each test speaks for a client address of its own
 * ({@code X-Forwarded-For}, believed from loopback), so that their quotas do not mix. {@link StackApiPeopleIT} reads
 * the same imported site through the helpers here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StackApiIT {

    private static String site;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    /** The bundled dump, imported once for this class into a new site; returns its name (its host is name.localhost). */
    static synchronized String site() throws Exception {
        if (site == null) {
            String name = ParleyDeployment.unique("api");
            DumpImports.run(
                    URI.create("http://localhost:" + Http.port()),
                    ParleyDeployment.adminPassword(),
                    DumpImports.BUNDLED,
                    name,
                    name + ".localhost",
                    Duration.ofMinutes(5));
            site = name;
        }
        return site;
    }

    static String host() throws Exception {
        return site() + ".localhost";
    }

    /** A client address no other test uses. */
    static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.18." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    record Answer(int status, JsonObject json, Http.Response raw) {}

    static Answer get(String host, String path, String address) throws IOException {
        Http.Response r = Http.get(host, path, Map.of("X-Forwarded-For", address));
        JsonObject json = Json.createReader(new StringReader(r.body())).readObject();
        return new Answer(r.status(), json, r);
    }

    static JsonObject ok(String path) throws Exception {
        Answer a = get(host(), path, address());
        assertEquals(200, a.status(), path + ": " + a.json());
        assertTrue(
                a.raw().header("Content-Type").startsWith("application/json"),
                a.raw().header("Content-Type"));
        return a.json();
    }

    static List<JsonObject> items(JsonObject wrapper) {
        return wrapper.getJsonArray("items").getValuesAs(JsonObject.class);
    }

    static void assertError(Answer a, int id, String name, String messageStart) {
        // Stack Exchange sends every error with 400; Parley the status that means the same (StackError.httpStatus).
        assertEquals(id == 502 ? 429 : id, a.status(), "the HTTP status of " + name + ": " + a.json());
        assertEquals(id, a.json().getInt("error_id"), a.json().toString());
        assertEquals(name, a.json().getString("error_name"));
        assertTrue(
                a.json().getString("error_message").startsWith(messageStart),
                a.json().getString("error_message") + " should start with " + messageStart);
    }

    // ------------------------------------------------------------------------------------------------- types

    static void assertNumber(JsonObject o, String field) {
        assertTrue(o.containsKey(field), field + " in " + o);
        assertEquals(JsonValue.ValueType.NUMBER, o.get(field).getValueType(), field + " in " + o);
    }

    static void assertDate(JsonObject o, String field) {
        assertNumber(o, field);
        long seconds = o.getJsonNumber(field).longValueExact();
        assertTrue(seconds > 1_200_000_000L && seconds < 4_000_000_000L, field + " in Unix seconds: " + seconds);
    }

    static void assertString(JsonObject o, String field) {
        assertTrue(o.get(field) instanceof JsonString, field + " in " + o);
    }

    static void assertBoolean(JsonObject o, String field) {
        assertTrue(o.get(field) == JsonValue.TRUE || o.get(field) == JsonValue.FALSE, field + " is a boolean in " + o);
    }

    static void assertWrapper(JsonObject w, int page, int pageSize) {
        assertEquals(JsonValue.ValueType.ARRAY, w.get("items").getValueType());
        assertBoolean(w, "has_more");
        assertEquals(300, w.getInt("quota_max"));
        assertNumber(w, "quota_remaining");
        assertEquals(page, w.getInt("page"));
        assertEquals(pageSize, w.getInt("page_size"));
        assertFalse(w.containsKey("total"), "total only with the total filter");
    }

    static void assertOwner(JsonObject owner, String host) {
        assertString(owner, "user_type");
        assertString(owner, "display_name");
        if (!owner.getString("user_type").equals("does_not_exist")) {
            assertNumber(owner, "user_id");
            assertNumber(owner, "reputation");
            assertTrue(owner.getString("link").startsWith("http://" + host + ":" + Http.port() + "/users/"));
            assertTrue(owner.getString("profile_image").startsWith("http://" + host + ":" + Http.port() + "/"));
        }
    }

    static void assertQuestion(JsonObject q, String host) {
        assertNumber(q, "question_id");
        assertString(q, "title");
        assertTrue(q.getString("link")
                .startsWith("http://" + host + ":" + Http.port() + "/questions/" + q.getInt("question_id") + "/"));
        q.getJsonArray("tags").forEach(t -> assertEquals(JsonValue.ValueType.STRING, t.getValueType()));
        assertOwner(q.getJsonObject("owner"), host);
        assertBoolean(q, "is_answered");
        assertNumber(q, "view_count");
        assertNumber(q, "answer_count");
        assertNumber(q, "score");
        assertDate(q, "creation_date");
        assertDate(q, "last_activity_date");
        assertString(q, "content_license");
        assertFalse(q.containsKey("body"), "no body in the default filter");
    }

    static void assertAnswer(JsonObject a, String host) {
        assertNumber(a, "answer_id");
        assertNumber(a, "question_id");
        assertBoolean(a, "is_accepted");
        assertNumber(a, "score");
        assertDate(a, "creation_date");
        assertDate(a, "last_activity_date");
        assertString(a, "content_license");
        assertOwner(a.getJsonObject("owner"), host);
    }

    private static void assertComment(JsonObject c, String host) {
        assertNumber(c, "comment_id");
        assertNumber(c, "post_id");
        assertNumber(c, "score");
        assertBoolean(c, "edited");
        assertDate(c, "creation_date");
        assertString(c, "content_license");
        assertOwner(c.getJsonObject("owner"), host);
    }

    // ------------------------------------------------------------------------------------------------- tests

    @Test
    void questionsListAndOneQuestionHaveStackExchangesFields() throws Exception {
        JsonObject list = ok("/api/2.3/questions?pagesize=5");
        assertWrapper(list, 1, 5);
        assertEquals(5, items(list).size());
        assertTrue(list.getBoolean("has_more"));
        items(list).forEach(q -> assertQuestion(q, uncheckedHost()));
        long previous = Long.MAX_VALUE;
        for (JsonObject q : items(list)) {
            long activity = q.getJsonNumber("last_activity_date").longValue();
            assertTrue(activity <= previous, "sort=activity by default, latest first");
            previous = activity;
        }

        JsonObject one = items(ok("/api/2.3/questions/1")).get(0);
        assertQuestion(one, host());
        assertEquals(1, one.getInt("question_id"));
        assertEquals("Suggest a domain name", one.getString("title"));
        assertEquals(
                List.of("discussion", "essential-meta-questions"),
                one.getJsonArray("tags").getValuesAs(JsonString::getString));
        assertEquals(8, one.getInt("score"));
        assertEquals("CC BY-SA 2.5", one.getString("content_license"));
        assertDate(one, "closed_date");
        assertDate(one, "community_owned_date");
        assertEquals(21, one.getJsonObject("owner").getInt("user_id"));
        assertEquals(
                epoch("2010-08-25T19:50:51Z"),
                one.getJsonNumber("creation_date").longValue(),
                "the dump's date");

        JsonObject withBody = items(ok("/api/2.3/questions/1?filter=withbody")).get(0);
        assertTrue(withBody.getString("body").contains("domain"), "withbody adds the HTML body");

        List<JsonObject> two = items(ok("/api/2.3/questions/2;1?sort=creation&order=asc"));
        assertEquals(
                List.of(1, 2), two.stream().map(q -> q.getInt("question_id")).toList(), "ids in the sort's order");
    }

    @Test
    void answersAndCommentsOfAQuestionMatchTheDump() throws Exception {
        JsonObject question = items(ok("/api/2.3/questions/1")).get(0);
        JsonObject answers = ok("/api/2.3/questions/1/answers?pagesize=100&sort=votes");
        assertWrapper(answers, 1, 100);
        assertEquals(question.getInt("answer_count"), items(answers).size());
        for (JsonObject a : items(answers)) {
            assertAnswer(a, host());
            assertEquals(1, a.getInt("question_id"));
        }
        JsonObject fourteen = items(ok("/api/2.3/answers/14?filter=withbody")).get(0);
        assertAnswer(fourteen, host());
        assertEquals(14, fourteen.getInt("answer_id"));
        assertEquals(2, fourteen.getInt("score"));
        assertEquals(8, fourteen.getJsonObject("owner").getInt("user_id"));
        assertString(fourteen, "body");

        JsonObject comments = ok("/api/2.3/questions/1/comments?pagesize=100&filter=withbody");
        assertEquals(11, items(comments).size(), "the dump's 11 comments on question 1");
        for (JsonObject c : items(comments)) {
            assertComment(c, host());
            assertEquals(1, c.getInt("post_id"));
            assertString(c, "body");
        }

        List<JsonObject> all = items(ok("/api/2.3/answers?pagesize=10&sort=votes"));
        assertEquals(10, all.size());
        all.forEach(a -> assertAnswer(a, uncheckedHost()));
        List<JsonObject> byVotes = items(ok("/api/2.3/comments?pagesize=10&sort=votes"));
        assertEquals(10, byVotes.size());
        for (int i = 1; i < byVotes.size(); i++) {
            assertTrue(byVotes.get(i - 1).getInt("score") >= byVotes.get(i).getInt("score"), "sort=votes");
            assertComment(byVotes.get(i), host());
        }
    }

    @Test
    void sortsRangesAndTheOtherQuestionLists() throws Exception {
        List<JsonObject> asc = items(ok("/api/2.3/questions?sort=votes&order=asc&pagesize=20"));
        for (int i = 1; i < asc.size(); i++) {
            assertTrue(asc.get(i - 1).getInt("score") <= asc.get(i).getInt("score"), "order=asc");
        }
        List<JsonObject> ranged = items(ok("/api/2.3/questions?sort=votes&min=2&max=4&pagesize=100"));
        assertFalse(ranged.isEmpty());
        ranged.forEach(q -> assertTrue(q.getInt("score") >= 2 && q.getInt("score") <= 4, "min/max on score"));

        long from = epoch("2011-01-01T00:00:00Z");
        long to = epoch("2011-12-31T00:00:00Z");
        List<JsonObject> dated = items(ok("/api/2.3/questions?sort=creation&fromdate=" + from + "&todate=2011-12-31"));
        assertFalse(dated.isEmpty());
        dated.forEach(q -> {
            long created = q.getJsonNumber("creation_date").longValue();
            assertTrue(created >= from && created <= to + 1, "fromdate/todate bound creation_date");
        });

        List<JsonObject> tagged = items(ok("/api/2.3/questions?tagged=discussion&pagesize=50"));
        assertFalse(tagged.isEmpty());
        tagged.forEach(q -> assertTrue(
                q.getJsonArray("tags").getValuesAs(JsonString::getString).contains("discussion")));

        List<JsonObject> unanswered = items(ok("/api/2.3/questions/unanswered?pagesize=50"));
        unanswered.forEach(q -> assertFalse(q.getBoolean("is_answered"), "unanswered: no accepted or upvoted answer"));
        assertEquals(0, items(ok("/api/2.3/questions/featured")).size(), "no bounties here");
        for (String sort : List.of("hot", "week", "month", "creation", "activity")) {
            items(ok("/api/2.3/questions?pagesize=3&sort=" + sort)).forEach(q -> assertQuestion(q, uncheckedHost()));
        }
    }

    @Test
    void infoSitesTheSiteParameterTheAliasAndFilters() throws Exception {
        JsonObject info = items(ok("/api/2.3/info")).get(0);
        for (String field : List.of(
                "total_questions",
                "total_unanswered",
                "total_accepted",
                "total_answers",
                "total_comments",
                "total_votes",
                "total_badges",
                "total_users",
                "questions_per_minute",
                "answers_per_minute",
                "badges_per_minute",
                "new_active_users")) {
            assertNumber(info, field);
        }
        assertString(info, "api_revision");
        assertEquals(2448, info.getJsonNumber("total_comments").longValue(), "the dump's Comments.xml rows");

        JsonObject total = ok("/api/2.3/questions?filter=total");
        assertEquals(List.of("total"), List.copyOf(total.keySet()));
        assertEquals(
                info.getJsonNumber("total_questions").longValue(),
                total.getJsonNumber("total").longValue());
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, ok("/api/2.3/questions?filter=none"));

        JsonObject fromElsewhere = get("localhost", "/api/2.3/questions/1?site=" + site(), address())
                .json();
        JsonObject q = items(fromElsewhere).get(0);
        assertEquals("Suggest a domain name", q.getString("title"));
        assertTrue(q.getString("link").startsWith("http://" + host() + ":"), "links point at the named site");
        JsonObject byHost = get("localhost", "/api/2.3/questions/1?site=" + host(), address())
                .json();
        assertEquals(1, items(byHost).get(0).getInt("question_id"));
        assertEquals(1, items(ok("/api/2.2/questions/1")).get(0).getInt("question_id"), "2.2 is an alias");

        JsonObject sites = ok("/api/2.3/sites?pagesize=100");
        JsonObject ours = items(sites).stream()
                .filter(s -> s.getString("api_site_parameter").equals(uncheckedSite()))
                .findFirst()
                .orElseThrow();
        assertEquals("http://" + host() + ":" + Http.port(), ours.getString("site_url"));
        for (String field : List.of("name", "audience", "site_state", "site_type", "favicon_url", "icon_url")) {
            assertString(ours, field);
        }
        assertDate(ours, "launch_date");
    }

    @Test
    void listsAreGzippedForClientsThatAsk() throws Exception {
        Http.Bytes zipped = Http.getBytes(
                host(),
                "/api/2.3/questions?pagesize=30",
                Map.of("Accept-Encoding", "gzip", "X-Forwarded-For", address()));
        assertEquals(200, zipped.status());
        assertEquals("gzip", header(zipped.headers(), "Content-Encoding"));
    }

    @Test
    void badParametersAndUnknownMethodsGetTheirDocumentedErrors() throws Exception {
        String h = host();
        String a = address();
        assertError(get(h, "/api/2.3/questions?sort=relevance", a), 400, "bad_parameter", "sort");
        assertError(get(h, "/api/2.3/questions?page=0", a), 400, "bad_parameter", "page");
        assertError(get(h, "/api/2.3/questions?pagesize=1000", a), 400, "bad_parameter", "pagesize");
        String ids = IntStream.rangeClosed(1, 101).mapToObj(Integer::toString).collect(Collectors.joining(";"));
        assertError(get(h, "/api/2.3/questions/" + ids, a), 400, "bad_parameter", "ids");
        assertError(get(h, "/api/2.3/questions?fromdate=yesterday", a), 400, "bad_parameter", "fromdate");
        assertError(get(h, "/api/2.3/answers?todate=2024-02-30", a), 400, "bad_parameter", "todate");
        assertError(get(h, "/api/2.3/comments?sort=hot", a), 400, "bad_parameter", "sort");
        assertError(get(h, "/api/2.3/questions?filter=!nKzQUR30W7", a), 400, "bad_parameter", "filter");
        assertError(get(h, "/api/2.3/questions?site=no-such-site", a), 400, "bad_parameter", "site");
        assertError(get(h, "/api/2.3/no-such-method", a), 404, "no_method", "no method");
        assertError(get(h, "/api/2.3/questions/1/nonsense", a), 404, "no_method", "no method");
        assertError(post(h, "/api/2.3/questions/add", a), 404, "no_method", "no method");
    }

    @Test
    void theDailyQuotaCountsDownToAThrottleViolation() throws Exception {
        String h = host();
        String a = address();
        for (int remaining = 299; remaining >= 0; remaining--) {
            Answer answer = get(h, "/api/2.3/questions/featured?pagesize=1", a);
            assertEquals(200, answer.status(), answer.json().toString());
            assertEquals(300, answer.json().getInt("quota_max"));
            assertEquals(remaining, answer.json().getInt("quota_remaining"));
        }
        assertError(get(h, "/api/2.3/questions/featured", a), 502, "throttle_violation", "too many requests");
        Answer refused = get(h, "/api/2.3/info", a);
        assertError(refused, 502, "throttle_violation", "too many requests");
        assertTrue(Long.parseLong(refused.raw().header("Retry-After")) > 0, "a refusal says when to come back");
        Answer other = get(h, "/api/2.3/questions/featured", address());
        assertEquals(299, other.json().getInt("quota_remaining"), "another address has its own quota");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static Answer post(String host, String path, String address) throws IOException {
        HttpURLConnection c = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + Http.port() + path).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setRequestProperty("Host", host + ":" + Http.port());
        c.setRequestProperty("X-Forwarded-For", address);
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        c.setDoOutput(true);
        c.getOutputStream().write("title=x".getBytes(StandardCharsets.UTF_8));
        int status = c.getResponseCode();
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(
                    status,
                    Json.createReader(new StringReader(body)).readObject(),
                    new Http.Response(status, c.getHeaderFields(), body));
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElse(null);
    }

    private static long epoch(String iso) {
        return java.time.Instant.parse(iso).getEpochSecond();
    }

    private static String uncheckedHost() {
        assertNotNull(site);
        return site + ".localhost";
    }

    private static String uncheckedSite() {
        assertNotNull(site);
        return site;
    }
}
