package org.parley.site;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.Role;
import org.parley.markdown.MarkdownRenderer;
import org.parley.rules.InvalidInputException;
import org.parley.rules.RateLimitedException;

/** The anti-abuse limits' rules, without a database. */
class SiteLimitsTest {

    private static final SiteLimits DEFAULTS = SiteLimits.defaults();
    private static final Instant NOON = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void stackOverflowsDefaultsAndASitesOwnValuesRoundTrip() {
        assertEquals(10, DEFAULTS.value(Limit.NEW_USER_REPUTATION));
        assertEquals(40, DEFAULTS.value(Limit.QUESTION_INTERVAL_MINUTES));
        assertEquals(40, DEFAULTS.value(Limit.VOTES_PER_DAY));
        assertEquals(10, DEFAULTS.value(Limit.SERIAL_VOTES_PER_DAY));
        assertEquals("", DEFAULTS.encoded());
        assertSame(DEFAULTS, SiteLimits.decode(null));
        assertSame(DEFAULTS, SiteLimits.of(Map.of(Limit.VOTES_PER_DAY, 40)), "a default set again is no override");

        SiteLimits own = SiteLimits.of(Map.of(Limit.VOTES_PER_DAY, 0, Limit.QUESTION_INTERVAL_MINUTES, 5));
        assertEquals("QUESTION_INTERVAL_MINUTES=5;VOTES_PER_DAY=0", own.encoded());
        assertEquals(own, SiteLimits.decode(own.encoded()));
        assertEquals(own, SiteLimits.decode(own.encoded() + ";A_LIMIT_OF_A_NEWER_SERVER=3"));

        InvalidInputException out =
                assertThrows(InvalidInputException.class, () -> SiteLimits.of(Map.of(Limit.VOTES_PER_DAY, -1)));
        assertEquals("limits", out.field());
        assertTrue(out.getMessage().contains("Votes a day"), out.getMessage());
        assertThrows(
                InvalidInputException.class,
                () -> SiteLimits.of(
                        Map.of(Limit.QUESTION_INTERVAL_MINUTES, Limit.QUESTION_INTERVAL_MINUTES.max() + 1)));
        assertThrows(InvalidInputException.class, () -> SiteLimits.decode("VOTES_PER_DAY=many"));
    }

    @Test
    void newUsersAreBelowTheSitesReputationAndModeratorsNeverAre() {
        assertTrue(DEFAULTS.isNewUser(1, Role.USER));
        assertTrue(DEFAULTS.isNewUser(9, Role.USER));
        assertFalse(DEFAULTS.isNewUser(10, Role.USER));
        assertFalse(DEFAULTS.isNewUser(1, Role.MODERATOR));
        assertFalse(DEFAULTS.isNewUser(1, Role.ADMIN));
        assertFalse(SiteLimits.of(Map.of(Limit.NEW_USER_REPUTATION, 0)).isNewUser(1, Role.USER), "0: nobody is new");
    }

    @Test
    void aNewUserWaitsTheIntervalBetweenQuestions() {
        RateLimitedException e = assertThrows(
                RateLimitedException.class,
                () -> DEFAULTS.requireQuestionInterval(NOON.minus(Duration.ofMinutes(25)), NOON, 1, Role.USER));
        assertEquals(Duration.ofMinutes(15), e.retryAfter());
        assertEquals(
                "New users can ask one question every 40 minutes on this site (until 10 reputation). You can ask again"
                        + " in 15 minutes.",
                e.getMessage());
        assertDoesNotThrow(
                () -> DEFAULTS.requireQuestionInterval(NOON.minus(Duration.ofMinutes(40)), NOON, 1, Role.USER));
        assertDoesNotThrow(() -> DEFAULTS.requireQuestionInterval(null, NOON, 1, Role.USER), "a first question");
        assertDoesNotThrow(() -> DEFAULTS.requireQuestionInterval(NOON, NOON, 10, Role.USER));
        assertDoesNotThrow(() -> DEFAULTS.requireQuestionInterval(NOON, NOON, 1, Role.MODERATOR));
        assertDoesNotThrow(() -> SiteLimits.of(Map.of(Limit.QUESTION_INTERVAL_MINUTES, 0))
                .requireQuestionInterval(NOON, NOON, 1, Role.USER));
        RateLimitedException soon = assertThrows(
                RateLimitedException.class,
                () -> DEFAULTS.requireQuestionInterval(
                        NOON.minus(Duration.ofMinutes(40)).plusMillis(10), NOON, 1, Role.USER));
        assertEquals(Duration.ofSeconds(1), soon.retryAfter(), "rounded up to a whole second");
        assertTrue(soon.getMessage().endsWith("You can ask again in a minute."), soon.getMessage());
    }

    @Test
    void votesADayEndAtMidnightUtcForEveryoneButModerators() {
        assertDoesNotThrow(() -> DEFAULTS.requireVoteToday(39, NOON, Role.USER));
        RateLimitedException e =
                assertThrows(RateLimitedException.class, () -> DEFAULTS.requireVoteToday(40, NOON, Role.USER));
        assertEquals(Duration.ofHours(12), e.retryAfter());
        assertEquals(
                "You have cast your 40 votes for today. You can vote again in 12 hours, when the day ends (midnight"
                        + " UTC).",
                e.getMessage());
        assertDoesNotThrow(() -> DEFAULTS.requireVoteToday(500, NOON, Role.MODERATOR));
        assertDoesNotThrow(() -> DEFAULTS.requireVoteToday(500, NOON, Role.ADMIN));
        assertDoesNotThrow(() -> SiteLimits.of(Map.of(Limit.VOTES_PER_DAY, 0)).requireVoteToday(500, NOON, Role.USER));
        assertEquals(Instant.parse("2026-12-06T00:00:00Z"), SiteLimits.startOfDay(NOON));
        assertEquals(
                "5 hours and 3 minutes",
                RateLimitedException.inWords(Duration.ofHours(5).plusMinutes(2).plusSeconds(1)));
        assertEquals("1 hour and 1 minute", RateLimitedException.inWords(Duration.ofMinutes(61)));
    }

    @Test
    void aNewUsersBodyTakesNoLinksOutOfTheSite() {
        MarkdownRenderer md = MarkdownRenderer.shared();
        for (String body : new String[] {
            "See [the manual](https://example.com/manual) for this.",
            "See https://example.com/manual for this.",
            "See <https://example.com/manual> for this.",
            "See <a href=\"http://example.com/manual\">the manual</a> for this.",
            "Write to [me](mailto:me@example.com) about this."
        }) {
            String html = md.toSafeHtml(body);
            InvalidInputException e = assertThrows(
                    InvalidInputException.class, () -> DEFAULTS.requireLinksAllowed(null, html, 1, Role.USER), body);
            assertEquals("body", e.field());
            assertTrue(
                    e.getMessage().startsWith("Links in posts come at 10 reputation on this site, and you have 1"),
                    e.getMessage());
            assertDoesNotThrow(() -> DEFAULTS.requireLinksAllowed(null, html, 10, Role.USER));
            assertDoesNotThrow(() -> DEFAULTS.requireLinksAllowed(null, html, 1, Role.MODERATOR));
        }
        for (String body : new String[] {
            "See [this question](/questions/12) and [that answer](#answer-3).",
            "Type `https://example.com/manual` into the address bar.",
            "    curl https://example.com/manual"
        }) {
            assertDoesNotThrow(() -> DEFAULTS.requireLinksAllowed(null, md.toSafeHtml(body), 1, Role.USER), body);
        }
        String linked = md.toSafeHtml("See [the manual](https://example.com/manual) for this.");
        assertDoesNotThrow(
                () -> DEFAULTS.requireLinksAllowed(
                        linked,
                        md.toSafeHtml("Do see [the manual](https://example.com/manual), really."),
                        1,
                        Role.USER),
                "an edit that keeps a link it had");
        InvalidInputException added = assertThrows(
                InvalidInputException.class,
                () -> DEFAULTS.requireLinksAllowed(
                        linked,
                        md.toSafeHtml(
                                "See [the manual](https://example.com/manual). And https://spam.example.net/buy too."),
                        1,
                        Role.USER));
        assertTrue(added.getMessage().contains("https://spam.example.net/buy"), added.getMessage());
    }
}
