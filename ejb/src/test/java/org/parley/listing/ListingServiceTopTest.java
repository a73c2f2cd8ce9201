package org.parley.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.post.QuestionSummary;

/** The home page's top questions: recent activity first (hottest first), filled from the hot list on a quiet site. */
class ListingServiceTopTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Instant SINCE = Instant.parse("2026-11-05T12:00:00Z");

    @Test
    void aNewQuestionOnAQuietSiteLeadsAFullPage() {
        QuestionSummary asked = q(1000, 0, 0, NOW);
        List<QuestionSummary> active = new ArrayList<>(List.of(asked));
        List<QuestionSummary> hot = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            active.add(q(i, 0, 0, Instant.parse("2021-01-01T00:00:00Z").minusSeconds(i)));
            hot.add(q(100 + i, 40 - i, 1, Instant.parse("2020-06-01T00:00:00Z")));
        }

        List<QuestionSummary> top = ListingService.top(active.subList(0, 30), hot, SINCE, 30);

        assertEquals(30, top.size());
        assertEquals(1000, top.get(0).number(), "the new question first");
        assertEquals(101, top.get(1).number(), "then the hot list");
        assertEquals(129, top.get(29).number());
    }

    @Test
    void recentQuestionsComeHottestFirstWithoutRepeats() {
        QuestionSummary calm = q(1, 0, 0, NOW.minusSeconds(10));
        QuestionSummary busy = q(2, 5, 2, NOW.minusSeconds(20));
        QuestionSummary old = q(3, 9, 9, Instant.parse("2020-01-01T00:00:00Z"));

        List<QuestionSummary> top = ListingService.top(List.of(calm, busy, old), List.of(busy, old, calm), SINCE, 30);

        assertEquals(
                List.of(2L, 1L, 3L), top.stream().map(QuestionSummary::number).toList());
        assertEquals(
                2,
                ListingService.top(List.of(calm, busy, old), List.of(old), SINCE, 2)
                        .size());
    }

    private static QuestionSummary q(long number, int score, int answers, Instant activity) {
        return new QuestionSummary(
                number,
                "Question " + number,
                "q" + number,
                List.of("t"),
                score,
                answers,
                false,
                0,
                activity,
                activity,
                null);
    }
}
