package org.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.api.StackApiIT.address;
import static org.parley.api.StackApiIT.assertAnswer;
import static org.parley.api.StackApiIT.assertBoolean;
import static org.parley.api.StackApiIT.assertDate;
import static org.parley.api.StackApiIT.assertError;
import static org.parley.api.StackApiIT.assertNumber;
import static org.parley.api.StackApiIT.assertOwner;
import static org.parley.api.StackApiIT.assertQuestion;
import static org.parley.api.StackApiIT.assertString;
import static org.parley.api.StackApiIT.assertWrapper;
import static org.parley.api.StackApiIT.get;
import static org.parley.api.StackApiIT.host;
import static org.parley.api.StackApiIT.items;
import static org.parley.api.StackApiIT.ok;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;

/**
 * The Stack Exchange API's user methods (issue 21) on the bundled dump, in the site {@link StackApiIT} imports (the same
 * deployment and the same import): each method's wrapper, fields and JSON types as the Stack Exchange documentation
 * lists them, checked against the dump (user 21 asked question 1; user 8 wrote answer 14), sorts and their min/max,
 * paging, and the bad parameters with their errors.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StackApiPeopleIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    private static void assertUser(JsonObject u, String host) throws Exception {
        assertOwner(u, host);
        assertTrue(Set.of("registered", "moderator").contains(u.getString("user_type")), u.toString());
        assertNumber(u, "user_id");
        assertEquals(u.getInt("user_id"), u.getInt("account_id"), "account_id is the user_id");
        assertEquals(JsonValue.FALSE, u.get("is_employee"));
        assertNumber(u, "reputation");
        assertDate(u, "creation_date");
        assertDate(u, "last_access_date");
        JsonObject badges = u.getJsonObject("badge_counts");
        for (String rank : List.of("bronze", "silver", "gold")) {
            assertNumber(badges, rank);
        }
        if (u.containsKey("accept_rate")) {
            int rate = u.getInt("accept_rate");
            assertTrue(rate >= 0 && rate <= 100, "accept_rate in percent: " + rate);
        }
        for (String hidden : List.of("email", "email_hash", "username", "password_hash", "about_me")) {
            assertFalse(u.containsKey(hidden), hidden + " is not in a user: " + u);
        }
    }

    private static List<Long> longs(List<JsonObject> items, String field) {
        return items.stream().map(i -> i.getJsonNumber(field).longValue()).toList();
    }

    private static void assertNonIncreasing(List<Long> values, String what) {
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.get(i - 1) >= values.get(i), what + ": " + values);
        }
    }

    // ------------------------------------------------------------------------------------------------- users

    @Test
    void usersListSortsPagesAndFindsByName() throws Exception {
        String host = host();
        JsonObject list = ok("/api/2.3/users?pagesize=5");
        assertWrapper(list, 1, 5);
        assertEquals(5, items(list).size());
        assertTrue(list.getBoolean("has_more"));
        for (JsonObject u : items(list)) {
            assertUser(u, host);
        }
        assertNonIncreasing(longs(items(list), "reputation"), "sort=reputation by default, highest first");

        List<Long> second = longs(items(ok("/api/2.3/users?pagesize=5&page=2")), "user_id");
        assertEquals(5, second.size());
        assertTrue(
                second.stream().noneMatch(longs(items(list), "user_id")::contains), "page 2 follows page 1: " + second);

        List<JsonObject> byCreation = items(ok("/api/2.3/users?sort=creation&order=asc&pagesize=20"));
        for (int i = 1; i < byCreation.size(); i++) {
            assertTrue(byCreation.get(i - 1).getJsonNumber("creation_date").longValue()
                    <= byCreation.get(i).getJsonNumber("creation_date").longValue());
        }
        List<JsonObject> byName = items(ok("/api/2.3/users?sort=name&order=asc&pagesize=20&min=m"));
        assertFalse(byName.isEmpty());
        for (int i = 0; i < byName.size(); i++) {
            String name = byName.get(i).getString("display_name").toLowerCase(Locale.ROOT);
            assertTrue(name.compareTo("m") >= 0, "min=m on the name: " + name);
            if (i > 0) {
                assertTrue(
                        byName.get(i - 1)
                                        .getString("display_name")
                                        .toLowerCase(Locale.ROOT)
                                        .compareTo(name)
                                <= 0,
                        "sort=name&order=asc");
            }
        }
        List<JsonObject> ranged = items(ok("/api/2.3/users?sort=reputation&min=100&max=1000&pagesize=100"));
        assertFalse(ranged.isEmpty());
        ranged.forEach(u -> assertTrue(u.getInt("reputation") >= 100 && u.getInt("reputation") <= 1000));

        List<JsonObject> named = items(ok("/api/2.3/users?inname=MF&pagesize=100"));
        assertTrue(named.stream().anyMatch(u -> u.getInt("user_id") == 21), "inname finds mfg: " + named);
        named.forEach(u ->
                assertTrue(u.getString("display_name").toLowerCase(Locale.ROOT).contains("mf")));

        assertTrue(ok("/api/2.3/users?filter=total").getInt("total") > 100, "the dump's users");
    }

    @Test
    void usersByIdsMatchTheirPostsOwners() throws Exception {
        String host = host();
        JsonObject asker = items(ok("/api/2.3/questions/1")).get(0).getJsonObject("owner");
        List<JsonObject> two = items(ok("/api/2.3/users/8;21;999999?sort=name&order=asc"));
        assertEquals(2, two.size(), "unknown ids are left out: " + two);
        JsonObject mfg =
                two.stream().filter(u -> u.getInt("user_id") == 21).findFirst().orElseThrow();
        assertUser(mfg, host);
        assertEquals(asker.getString("display_name"), mfg.getString("display_name"));
        assertEquals(asker.getInt("reputation"), mfg.getInt("reputation"));
        assertEquals(asker.getString("link"), mfg.getString("link"));
        assertTrue(two.get(0)
                        .getString("display_name")
                        .compareToIgnoreCase(two.get(1).getString("display_name"))
                <= 0);

        List<JsonObject> questions = items(ok("/api/2.3/users/21/questions?pagesize=100&sort=creation"));
        assertTrue(questions.stream().anyMatch(q -> q.getInt("question_id") == 1), "user 21 asked question 1");
        for (JsonObject q : questions) {
            assertQuestion(q, host);
            assertEquals(21, q.getJsonObject("owner").getInt("user_id"));
        }
        assertNonIncreasing(longs(questions, "creation_date"), "sort=creation");

        JsonObject answers = ok("/api/2.3/users/8/answers?pagesize=100&sort=votes");
        assertWrapper(answers, 1, 100);
        assertTrue(items(answers).stream().anyMatch(a -> a.getInt("answer_id") == 14), "user 8 wrote answer 14");
        for (JsonObject a : items(answers)) {
            assertAnswer(a, host);
            assertEquals(8, a.getJsonObject("owner").getInt("user_id"));
        }
        assertNonIncreasing(longs(items(answers), "score"), "sort=votes");
    }

    @Test
    void badgesOfAUserAddUpToTheirBadgeCounts() throws Exception {
        String host = host();
        JsonObject user = items(ok("/api/2.3/users/21")).get(0);
        List<JsonObject> badges = items(ok("/api/2.3/users/21/badges?pagesize=100"));
        assertFalse(badges.isEmpty());
        Map<String, Long> byRank = new HashMap<>();
        List<Long> classes = new java.util.ArrayList<>();
        for (JsonObject b : badges) {
            assertNumber(b, "badge_id");
            assertString(b, "name");
            assertNumber(b, "award_count");
            assertTrue(Set.of("named", "tag_based").contains(b.getString("badge_type")));
            assertTrue(b.getString("link").startsWith("http://" + host + ":" + Http.port() + "/badges/"));
            assertEquals(21, b.getJsonObject("user").getInt("user_id"));
            byRank.merge(b.getString("rank"), b.getJsonNumber("award_count").longValue(), Long::sum);
            classes.add(rankOf(b));
        }
        JsonObject counts = user.getJsonObject("badge_counts");
        for (String rank : List.of("bronze", "silver", "gold")) {
            assertEquals(counts.getJsonNumber(rank).longValue(), byRank.getOrDefault(rank, 0L), rank + " " + badges);
        }
        assertNonIncreasing(classes, "sort=rank: bronze is greater than silver, silver than gold");

        List<JsonObject> bronze = items(ok("/api/2.3/users/21/badges?sort=rank&min=bronze&pagesize=100"));
        assertEquals(byRank.getOrDefault("bronze", 0L) > 0, !bronze.isEmpty());
        bronze.forEach(b -> assertEquals("bronze", b.getString("rank")));
        List<JsonObject> byName = items(ok("/api/2.3/users/21/badges?sort=name&order=asc&pagesize=100"));
        assertEquals(badges.size(), byName.size());
        for (int i = 1; i < byName.size(); i++) {
            assertTrue(byName.get(i - 1)
                            .getString("name")
                            .compareToIgnoreCase(byName.get(i).getString("name"))
                    <= 0);
        }
    }

    @Test
    void reputationChangesAndTopTags() throws Exception {
        String host = host();
        JsonObject changes = ok("/api/2.3/users/21/reputation?pagesize=100");
        assertWrapper(changes, 1, 100);
        List<JsonObject> items = items(changes);
        assertFalse(items.isEmpty(), "votes on question 1 and the others of user 21");
        for (JsonObject r : items) {
            assertEquals(21, r.getInt("user_id"));
            assertNumber(r, "post_id");
            assertDate(r, "on_date");
            assertTrue(Set.of("question", "answer").contains(r.getString("post_type")));
            int change = r.getInt("reputation_change");
            switch (r.getString("vote_type")) {
                case "up_votes" -> assertEquals(10, change);
                case "down_votes" -> assertEquals(-2, change);
                case "accepts" -> assertEquals(15, change);
                default -> throw new AssertionError("vote_type " + r);
            }
            assertTrue(r.getString("link").startsWith("http://" + host + ":" + Http.port() + "/questions/"));
            assertString(r, "title");
        }
        assertNonIncreasing(longs(items, "on_date"), "newest first");
        List<JsonObject> firstTwo = items(ok("/api/2.3/users/21/reputation?pagesize=2&page=2"));
        assertTrue(firstTwo.size() <= 2);

        List<JsonObject> tags = items(ok("/api/2.3/users/21/top-tags?pagesize=100"));
        assertTrue(tags.stream().anyMatch(t -> t.getString("tag_name").equals("discussion")), "question 1's tag");
        for (JsonObject t : tags) {
            assertEquals(21, t.getInt("user_id"));
            for (String f : List.of("answer_count", "answer_score", "question_count", "question_score")) {
                assertNumber(t, f);
            }
            assertString(t, "tag_name");
            assertTrue(t.getInt("answer_count") + t.getInt("question_count") > 0);
        }
        assertNonIncreasing(
                tags.stream()
                        .map(t -> (long) t.getInt("answer_score") + t.getInt("question_score"))
                        .toList(),
                "by score");
    }

    @Test
    void badParametersOfTheUserMethods() throws Exception {
        String host = host();
        assertError(get(host, "/api/2.3/users?sort=votes", address()), 400, "bad_parameter", "sort");
        assertError(get(host, "/api/2.3/users?pagesize=101", address()), 400, "bad_parameter", "pagesize");
        String ids = LongStream.rangeClosed(1, 101).mapToObj(Long::toString).collect(Collectors.joining(";"));
        assertError(get(host, "/api/2.3/users/" + ids, address()), 400, "bad_parameter", "ids");
        assertError(get(host, "/api/2.3/users/21/badges?min=platinum", address()), 400, "bad_parameter", "min");
        assertError(get(host, "/api/2.3/users/x/answers", address()), 400, "bad_parameter", "ids");
        assertError(get(host, "/api/2.3/users/21/nothing", address()), 404, "no_method", "no method");
        assertNotEquals(200, get(host, "/api/2.3/users?filter=nope", address()).status());
    }

    // -------------------------------------------------------------------------------------------------- tags

    private static void assertTag(JsonObject t) {
        assertString(t, "name");
        assertNumber(t, "count");
        assertBoolean(t, "has_synonyms");
        assertBoolean(t, "is_moderator_only");
        assertBoolean(t, "is_required");
    }

    @Test
    void tagsListSortsAndFindsByName() throws Exception {
        JsonObject list = ok("/api/2.3/tags?pagesize=5");
        assertWrapper(list, 1, 5);
        assertEquals(5, items(list).size());
        assertTrue(list.getBoolean("has_more"));
        items(list).forEach(StackApiPeopleIT::assertTag);
        assertNonIncreasing(longs(items(list), "count"), "sort=popular by default, most used first");
        assertEquals("discussion", items(list).get(0).getString("name"), "the dump's most used tag");

        List<JsonObject> byName = items(ok("/api/2.3/tags?sort=name&order=asc&pagesize=100"));
        for (int i = 1; i < byName.size(); i++) {
            assertTrue(
                    byName.get(i - 1).getString("name").compareTo(byName.get(i).getString("name")) < 0);
        }
        List<JsonObject> status = items(ok("/api/2.3/tags?inname=status&pagesize=100"));
        assertFalse(status.isEmpty());
        status.forEach(t -> assertTrue(t.getString("name").contains("status"), t.toString()));
        List<JsonObject> ranged = items(ok("/api/2.3/tags?sort=popular&min=3&max=20&pagesize=100"));
        assertFalse(ranged.isEmpty());
        ranged.forEach(t -> assertTrue(t.getInt("count") >= 3 && t.getInt("count") <= 20, t.toString()));
        List<JsonObject> active = items(ok("/api/2.3/tags?sort=activity&pagesize=10"));
        active.forEach(t -> assertDate(t, "last_activity_date"));
        assertNonIncreasing(longs(active, "last_activity_date"), "sort=activity");
        assertEquals(byName.size(), ok("/api/2.3/tags?filter=total").getInt("total"), "total counts the tags in use");
    }

    @Test
    void tagInfoWikisRelatedAndTopAnswerers() throws Exception {
        String host = host();
        JsonObject discussion = items(ok("/api/2.3/tags?pagesize=1")).get(0);
        List<JsonObject> info = items(ok("/api/2.3/tags/discussion;no-such-tag/info"));
        assertEquals(1, info.size(), "unknown tags are left out: " + info);
        assertTag(info.get(0));
        assertEquals(discussion, info.get(0));

        List<JsonObject> related = items(ok("/api/2.3/tags/discussion/related?pagesize=100"));
        assertFalse(related.isEmpty());
        related.forEach(StackApiPeopleIT::assertTag);
        assertTrue(related.stream().noneMatch(t -> t.getString("name").equals("discussion")));
        assertNonIncreasing(longs(related, "count"), "most related first");

        JsonObject top = ok("/api/2.3/tags/discussion/top-answerers/all_time?pagesize=10");
        assertWrapper(top, 1, 10);
        assertFalse(items(top).isEmpty());
        for (JsonObject s : items(top)) {
            assertOwner(s.getJsonObject("user"), host);
            assertNumber(s, "score");
            assertNumber(s, "post_count");
            assertTrue(s.getInt("post_count") > 0);
        }
        assertNonIncreasing(longs(items(top), "score"), "highest summed score first");
        assertWrapper(ok("/api/2.3/tags/discussion/top-answerers/month"), 1, 30);

        String wikiTags = "status-bydesign;status-norepro;status-reproduced;status-completed;status-declined";
        List<JsonObject> wikis = items(ok("/api/2.3/tags/" + wikiTags + "/wikis?filter=withbody"));
        assertFalse(wikis.isEmpty(), "the dump's tag wikis");
        for (JsonObject w : wikis) {
            assertString(w, "tag_name");
            assertString(w, "excerpt");
            assertTrue(List.of(wikiTags.split(";")).contains(w.getString("tag_name")));
        }
        assertTrue(wikis.stream().anyMatch(w -> w.containsKey("body")), "withbody adds the wiki's HTML");
    }

    @Test
    void badParametersOfTheTagMethods() throws Exception {
        String host = host();
        assertError(get(host, "/api/2.3/tags?sort=votes", address()), 400, "bad_parameter", "sort");
        assertError(
                get(host, "/api/2.3/tags/discussion/top-answerers/year", address()), 400, "bad_parameter", "period");
        String many = LongStream.rangeClosed(1, 21).mapToObj(i -> "t" + i).collect(Collectors.joining(";"));
        assertError(get(host, "/api/2.3/tags/" + many + "/info", address()), 400, "bad_parameter", "tags");
        assertError(get(host, "/api/2.3/tags/bad!tag/info", address()), 400, "bad_parameter", "tags");
        assertError(get(host, "/api/2.3/tags/discussion/nothing", address()), 404, "no_method", "no method");
    }

    // ------------------------------------------------------------------------------------------------ badges

    private static void assertBadge(JsonObject b, String host) {
        assertNumber(b, "badge_id");
        assertString(b, "name");
        assertNumber(b, "award_count");
        assertTrue(Set.of("gold", "silver", "bronze").contains(b.getString("rank")), b.toString());
        assertTrue(Set.of("named", "tag_based").contains(b.getString("badge_type")), b.toString());
        assertTrue(b.getString("link").startsWith("http://" + host + ":" + Http.port() + "/badges/"), b.toString());
    }

    private static long rankOf(JsonObject b) {
        return switch (b.getString("rank")) {
            case "gold" -> 1;
            case "silver" -> 2;
            default -> 3;
        };
    }

    @Test
    void badgesListByIdsAndRecipients() throws Exception {
        String host = host();
        JsonObject list = ok("/api/2.3/badges?pagesize=100");
        assertWrapper(list, 1, 100);
        List<JsonObject> all = items(list);
        assertFalse(all.isEmpty());
        for (JsonObject b : all) {
            assertBadge(b, host);
            assertFalse(b.containsKey("user"), "no user on the site's badges");
        }
        assertNonIncreasing(all.stream().map(StackApiPeopleIT::rankOf).toList(), "sort=rank: bronze first");
        assertEquals(
                all.size(),
                all.stream()
                        .map(b -> b.getJsonNumber("badge_id").longValue())
                        .distinct()
                        .count(),
                "badge ids are unique");

        JsonObject student = all.stream()
                .filter(b -> b.getString("name").equals("Student"))
                .findFirst()
                .orElseThrow();
        JsonObject tagBadge = all.stream()
                .filter(b -> b.getString("badge_type").equals("tag_based"))
                .findFirst()
                .orElse(null);
        String ids =
                student.getJsonNumber("badge_id") + (tagBadge == null ? "" : ";" + tagBadge.getJsonNumber("badge_id"));
        List<JsonObject> byIds = items(ok("/api/2.3/badges/" + ids));
        assertEquals(tagBadge == null ? 1 : 2, byIds.size(), byIds.toString());
        assertTrue(byIds.contains(student));

        List<JsonObject> gold = items(ok("/api/2.3/badges?sort=rank&max=gold&pagesize=100"));
        assertFalse(gold.isEmpty());
        gold.forEach(b -> assertEquals("gold", b.getString("rank")));
        List<JsonObject> named = items(ok("/api/2.3/badges?inname=ANSWER&pagesize=100"));
        assertFalse(named.isEmpty());
        named.forEach(
                b -> assertTrue(b.getString("name").toLowerCase(Locale.ROOT).contains("answer")));

        List<JsonObject> recipients = items(ok("/api/2.3/badges/recipients?pagesize=20"));
        assertEquals(20, recipients.size());
        for (JsonObject b : recipients) {
            assertBadge(b, host);
            assertOwner(b.getJsonObject("user"), host);
            assertEquals(1, b.getInt("award_count"));
        }

        assertError(get(host, "/api/2.3/badges?sort=awarded", address()), 400, "bad_parameter", "sort");
        assertError(get(host, "/api/2.3/badges/1;x", address()), 400, "bad_parameter", "ids");
    }

    // ------------------------------------------------------------------------------------------------ search

    @Test
    void searchAdvancedSearchAndSimilar() throws Exception {
        String host = host();
        JsonObject found = ok("/api/2.3/search?intitle=domain&pagesize=10");
        for (int i = 0; i < 60 && items(found).isEmpty(); i++) {
            Thread.sleep(1000); // the import's index step has run; this only guards against a slow merge
            found = ok("/api/2.3/search?intitle=domain&pagesize=10");
        }
        assertWrapper(found, 1, 10);
        assertTrue(
                items(found).stream().anyMatch(q -> q.getInt("question_id") == 1),
                "question 1, Suggest a domain name: " + found);
        for (JsonObject q : items(found)) {
            assertQuestion(q, host);
            assertTrue(q.getString("title").toLowerCase(Locale.ROOT).contains("domain"), q.toString());
        }
        assertNonIncreasing(longs(items(found), "last_activity_date"), "sort=activity by default");

        List<JsonObject> tagged = items(ok("/api/2.3/search?tagged=discussion&nottagged=bug&sort=votes&pagesize=20"));
        assertFalse(tagged.isEmpty());
        for (JsonObject q : tagged) {
            List<String> tags = q.getJsonArray("tags").getValuesAs(jakarta.json.JsonString::getString);
            assertTrue(tags.contains("discussion") && !tags.contains("bug"), tags.toString());
        }
        assertNonIncreasing(longs(tagged, "score"), "sort=votes");

        List<JsonObject> accepted = items(ok("/api/2.3/search/advanced?tagged=discussion&accepted=True&pagesize=50"));
        assertFalse(accepted.isEmpty());
        accepted.forEach(q -> assertTrue(q.containsKey("accepted_answer_id"), q.toString()));
        List<JsonObject> byUser = items(ok("/api/2.3/search/advanced?user=21&pagesize=100"));
        assertTrue(byUser.stream().anyMatch(q -> q.getInt("question_id") == 1), byUser.toString());
        byUser.forEach(q -> assertEquals(21, q.getJsonObject("owner").getInt("user_id")));
        assertTrue(ok("/api/2.3/search/advanced?q=domain&filter=total").getInt("total") > 0);

        List<JsonObject> similar = items(ok("/api/2.3/similar?title=Suggest%20a%20domain%20name%20for%20this%20site"));
        assertTrue(similar.stream().anyMatch(q -> q.getInt("question_id") == 1), similar.toString());
        similar.forEach(q -> assertQuestion(q, host));

        assertError(get(host, "/api/2.3/search", address()), 400, "bad_parameter", "tagged");
        assertError(get(host, "/api/2.3/search?tagged=discussion&sort=hot", address()), 400, "bad_parameter", "sort");
        assertError(get(host, "/api/2.3/search/advanced?accepted=maybe", address()), 400, "bad_parameter", "accepted");
        assertError(get(host, "/api/2.3/similar", address()), 400, "bad_parameter", "title");
        assertError(get(host, "/api/2.3/search/nothing", address()), 404, "no_method", "no method");
    }

    @Test
    void linkedAndRelatedQuestions() throws Exception {
        String host = host();
        // the dump's PostLinks: question 7 links to question 2
        List<JsonObject> linked = items(ok("/api/2.3/questions/2/linked?pagesize=100"));
        assertTrue(linked.stream().anyMatch(q -> q.getInt("question_id") == 7), linked.toString());
        assertTrue(linked.stream().noneMatch(q -> q.getInt("question_id") == 2), "not itself");
        linked.forEach(q -> assertQuestion(q, host));
        List<JsonObject> back = items(ok("/api/2.3/questions/7/linked"));
        assertTrue(back.stream().anyMatch(q -> q.getInt("question_id") == 2), "both directions: " + back);

        List<JsonObject> related = items(ok("/api/2.3/questions/1/related?pagesize=100"));
        assertFalse(related.isEmpty());
        assertTrue(related.stream().noneMatch(q -> q.getInt("question_id") == 1), "not itself");
        related.forEach(q -> assertQuestion(q, host));
        List<JsonObject> byVotes = items(ok("/api/2.3/questions/1/related?sort=votes&pagesize=100"));
        assertEquals(related.size(), byVotes.size());
        assertNonIncreasing(longs(byVotes, "score"), "sort=votes");
        assertError(get(host, "/api/2.3/questions/1/related?sort=hot", address()), 400, "bad_parameter", "sort");
    }

    @Test
    void revisionsOfPosts() throws Exception {
        String host = host();
        JsonObject wrapper = ok("/api/2.3/posts/1;14/revisions?pagesize=100");
        assertWrapper(wrapper, 1, 100);
        List<JsonObject> revisions = items(wrapper);
        assertTrue(revisions.stream().anyMatch(r -> r.getInt("post_id") == 1 && r.getInt("revision_number") == 1));
        assertTrue(revisions.stream().anyMatch(r -> r.getInt("post_id") == 14), "the answer's revisions");
        for (JsonObject r : revisions) {
            assertNumber(r, "revision_number");
            assertDate(r, "creation_date");
            assertBoolean(r, "is_rollback");
            assertEquals("single_user", r.getString("revision_type"));
            assertEquals(r.getInt("post_id") == 1 ? "question" : "answer", r.getString("post_type"));
            assertOwner(r.getJsonObject("user"), host);
            assertFalse(r.containsKey("body"), "no body in the default filter");
        }
        JsonObject first = revisions.stream()
                .filter(r -> r.getInt("post_id") == 1 && r.getInt("revision_number") == 1)
                .findFirst()
                .orElseThrow();
        assertString(first, "title"); // revision 1 sets the title
        assertTrue(first.containsKey("tags"), "and the tags");
        assertNonIncreasing(longs(revisions, "creation_date"), "newest first");
        assertTrue(
                items(ok("/api/2.3/posts/1/revisions?filter=withbody")).stream().anyMatch(r -> r.containsKey("body")));
        assertEquals(0, items(ok("/api/2.3/posts/999999/revisions")).size());
        assertError(get(host, "/api/2.3/posts/1/nothing", address()), 404, "no_method", "no method");
    }
}
