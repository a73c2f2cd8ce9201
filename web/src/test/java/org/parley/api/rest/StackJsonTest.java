package org.parley.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.api.StackAnswer;
import org.parley.api.StackBadge;
import org.parley.api.StackComment;
import org.parley.api.StackError;
import org.parley.api.StackException;
import org.parley.api.StackOwner;
import org.parley.api.StackQuestion;
import org.parley.api.StackQuota;
import org.parley.api.StackReputation;
import org.parley.api.StackTag;
import org.parley.api.StackUser;

class StackJsonTest {

    private static final StackJson.Origin ORIGIN =
            new StackJson.Origin("http://beer.localhost:8080", "", (n, v, imported) -> "/users/avatars/" + n + ".svg");

    private static final StackOwner ADA = new StackOwner(7L, "Ada <Lovelace>", 101, "registered", null, null);

    private static final Instant AT = Instant.ofEpochSecond(1_700_000_000L, 500_000_000);

    @Test
    void theDefaultWrapperHasItsFieldsAndNoTotal() {
        JsonObject w = StackJson.wrapper(
                StackFilter.DEFAULT, List.of(), true, new StackQuota.Quota(300, 299, false), 2, 10, null);
        assertEquals(
                List.of("items", "has_more", "quota_max", "quota_remaining", "page", "page_size"),
                List.copyOf(w.keySet()));
        assertTrue(w.getBoolean("has_more"));
        assertEquals(299, w.getInt("quota_remaining"));
    }

    @Test
    void totalAndNoneFiltersKeepOnlyWhatTheyName() {
        StackQuota.Quota q = new StackQuota.Quota(300, 1, false);
        assertEquals(
                "{\"total\":42}",
                StackJson.wrapper(StackFilter.TOTAL, List.of(), false, q, 1, 30, 42L)
                        .toString());
        assertEquals(
                "{}",
                StackJson.wrapper(StackFilter.NONE, List.of(), false, q, 1, 30, null)
                        .toString());
    }

    @Test
    void errorsHaveTheirIdNameAndMessage() {
        JsonObject e = StackJson.error(StackError.THROTTLE_VIOLATION, "too many requests");
        assertEquals(502, e.getInt("error_id"));
        assertEquals("throttle_violation", e.getString("error_name"));
        assertEquals("too many requests", e.getString("error_message"));
        assertEquals(404, StackJson.error(StackError.NO_METHOD, "x").getInt("error_id"));
    }

    @Test
    void filtersAreTheBuiltInOnes() {
        assertEquals(StackFilter.DEFAULT, StackFilter.parse(null));
        assertEquals(StackFilter.WITHBODY, StackFilter.parse("withbody"));
        assertTrue(StackFilter.WITHBODY.body());
        assertTrue(StackFilter.TOTAL.total());
        StackException unknown = assertThrows(StackException.class, () -> StackFilter.parse("!9_bDDxJY5"));
        assertEquals(StackError.BAD_PARAMETER, unknown.error());
        assertTrue(unknown.getMessage().startsWith("filter: "));
    }

    @Test
    void aQuestionHasStackExchangesFieldsWithDatesInSecondsAndEscapedText() {
        StackQuestion q = new StackQuestion(
                12,
                "Why <b>this</b>?",
                "why-this",
                List.of("gears", "chains"),
                3,
                2,
                14L,
                99,
                true,
                AT,
                AT,
                null,
                null,
                null,
                null,
                null,
                "CC BY-SA 4.0",
                ADA,
                "<p>Body</p>");
        JsonObject json = StackJson.question(q, ORIGIN, false);
        assertEquals(1_700_000_000L, json.getJsonNumber("creation_date").longValue());
        assertEquals("Why &lt;b&gt;this&lt;/b&gt;?", json.getString("title"));
        assertEquals("http://beer.localhost:8080/questions/12/why-this", json.getString("link"));
        assertEquals(14, json.getInt("accepted_answer_id"));
        assertTrue(json.getBoolean("is_answered"));
        assertFalse(json.containsKey("last_edit_date"), "never edited: absent");
        assertFalse(json.containsKey("closed_date"));
        assertFalse(json.containsKey("body"));
        assertEquals("<p>Body</p>", StackJson.question(q, ORIGIN, true).getString("body"));
        JsonObject owner = json.getJsonObject("owner");
        assertEquals(7, owner.getInt("user_id"));
        assertEquals("registered", owner.getString("user_type"));
        assertEquals("Ada &lt;Lovelace&gt;", owner.getString("display_name"));
        assertEquals("http://beer.localhost:8080/users/avatars/7.svg", owner.getString("profile_image"));
        assertEquals("http://beer.localhost:8080/users/7/ada-lovelace", owner.getString("link"));
    }

    @Test
    void aGoneOwnerHasOnlyANameAndItsType() {
        JsonObject owner = StackJson.owner(StackOwner.gone("Old Timer"), ORIGIN);
        assertEquals(List.of("user_type", "display_name"), List.copyOf(owner.keySet()));
        assertEquals("does_not_exist", owner.getString("user_type"));
    }

    @Test
    void answersAndCommentsToo() {
        JsonObject a = StackJson.answer(
                new StackAnswer(14, 12, "why-this", 5, true, AT, AT, AT, null, null, "CC BY-SA 3.0", ADA, "<p>A</p>"),
                ORIGIN,
                true);
        assertEquals(14, a.getInt("answer_id"));
        assertEquals(12, a.getInt("question_id"));
        assertTrue(a.getBoolean("is_accepted"));
        assertEquals(1_700_000_000L, a.getJsonNumber("last_edit_date").longValue());
        assertEquals("<p>A</p>", a.getString("body"));
        JsonObject c = StackJson.comment(
                new StackComment(900, 12, 1, AT, "CC BY-SA 4.0", ADA, "a <script> tag"), ORIGIN, true);
        assertEquals(900, c.getInt("comment_id"));
        assertEquals(12, c.getInt("post_id"));
        assertFalse(c.getBoolean("edited"));
        assertEquals("a &lt;script&gt; tag", c.getString("body"));
        assertFalse(StackJson.comment(new StackComment(900, 12, 1, AT, "CC BY-SA 4.0", ADA, "text"), ORIGIN, false)
                .containsKey("body"));
    }

    @Test
    void aUserHasTheDefaultFilterFieldsAndNothingPrivate() {
        JsonObject u = StackJson.user(
                new StackUser(ADA, AT, AT.plusSeconds(60), "Paris & <London>", null, 1, 2, 3, 66), ORIGIN, false);
        assertEquals(7, u.getInt("user_id"));
        assertEquals(7, u.getInt("account_id"), "no network accounts: the user_id");
        assertFalse(u.getBoolean("is_employee"));
        assertEquals(
                "{\"bronze\":3,\"silver\":2,\"gold\":1}",
                u.getJsonObject("badge_counts").toString());
        assertEquals(1_700_000_000L, u.getJsonNumber("creation_date").longValue());
        assertEquals(1_700_000_060L, u.getJsonNumber("last_access_date").longValue());
        assertEquals(66, u.getInt("accept_rate"));
        assertEquals("Paris &amp; &lt;London&gt;", u.getString("location"));
        assertEquals("Ada &lt;Lovelace&gt;", u.getString("display_name"));
        assertEquals("http://beer.localhost:8080/users/7/ada-lovelace", u.getString("link"));
        assertFalse(u.containsKey("website_url"), "absent when the profile has none");
        assertFalse(u.containsKey("last_modified_date"), "Parley keeps none");
    }

    @Test
    void badgesReputationAndTags() {
        JsonObject badge = StackJson.badge(
                new StackBadge(1_000_012L, "java", 2, true, 3, "/badges/silver/java", AT, ADA), ORIGIN, false);
        assertEquals("tag_based", badge.getString("badge_type"));
        assertEquals("silver", badge.getString("rank"));
        assertEquals(1_000_012L, badge.getJsonNumber("badge_id").longValue());
        assertEquals("http://beer.localhost:8080/badges/silver/java", badge.getString("link"));
        assertEquals(7, badge.getJsonObject("user").getInt("user_id"));

        JsonObject up = StackJson.reputation(
                new StackReputation(7, 12, "answer", "up_votes", 10, AT, 3, "A <b> title"), ORIGIN, false);
        assertEquals("http://beer.localhost:8080/questions/3/a-b-title#answer-12", up.getString("link"));
        assertEquals("A &lt;b&gt; title", up.getString("title"));
        assertEquals(10, up.getInt("reputation_change"));

        JsonObject tag = StackJson.tag(new StackTag("java", 12, true, null), ORIGIN, false);
        assertEquals(
                List.of("has_synonyms", "is_moderator_only", "is_required", "count", "name"),
                List.copyOf(tag.keySet()));
    }
}
