package org.parley.post.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuestionViewTest {

    private static final Instant NOW = Instant.parse("2026-12-07T18:20:30Z");

    @Test
    void aFragmentShowingSomethingMinutesOldIsRenderedAgainEachMinute() {
        Instant fresh = NOW.minus(Duration.ofMinutes(5));
        assertEquals(
                QuestionView.agoBucket(fresh, NOW), QuestionView.agoBucket(fresh, NOW.plusSeconds(29)), "same minute");
        assertNotEquals(
                QuestionView.agoBucket(fresh, NOW), QuestionView.agoBucket(fresh, NOW.plusSeconds(30)), "next minute");
    }

    @Test
    void hoursOldTextLastsTenMinutesAndDaysOldTextAnHour() {
        Instant hoursOld = NOW.minus(Duration.ofHours(3));
        assertEquals(QuestionView.agoBucket(hoursOld, NOW), QuestionView.agoBucket(hoursOld, NOW.plusSeconds(200)));
        assertNotEquals(QuestionView.agoBucket(hoursOld, NOW), QuestionView.agoBucket(hoursOld, NOW.plusSeconds(600)));
        Instant daysOld = NOW.minus(Duration.ofDays(40));
        assertEquals(QuestionView.agoBucket(daysOld, NOW), QuestionView.agoBucket(daysOld, NOW.plusSeconds(2_000)));
        assertNotEquals(QuestionView.agoBucket(daysOld, NOW), QuestionView.agoBucket(daysOld, NOW.plusSeconds(3_600)));
    }

    @Test
    void nothingToShowNeverExpires() {
        assertEquals(0, QuestionView.agoBucket(null, NOW));
    }
}
