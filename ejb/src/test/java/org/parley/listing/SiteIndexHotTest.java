package org.parley.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.post.QuestionSort;

/**
 * The hot window: the questions active in the 30 days before the latest activity, but never fewer than the {@link
 * SiteIndex#HOT_MINIMUM} most recently active, so that one new question on a quiet (imported) site does not shrink the
 * home page and the sidebar to that one question.
 */
class SiteIndexHotTest {

    private static final Instant IMPORTED = Instant.parse("2020-03-01T12:00:00Z");

    @Test
    void oneNewQuestionOnAQuietSiteLeavesAFullPage() {
        List<QuestionRow> rows = quietSite(150);
        rows.add(row(1_000, Instant.parse("2026-12-05T10:00:00Z"), 0, 0));
        SiteIndex index = build(rows);

        IdPage hot = index.questions(TagExpression.ALL, QuestionSort.HOT, 1, 30, new ArrayList<>());

        assertEquals(30, hot.numbers().size(), "a full page, not just the new question");
        assertEquals(SiteIndex.HOT_MINIMUM, hot.total());
        // The 100 most recently active: the new question and old ones 51..149; the best of those leads.
        assertEquals(149L, hot.numbers().get(0));
        assertTrue(
                hot.numbers().stream().allMatch(n -> n == 1_000 || n > 50),
                hot.numbers().toString());
    }

    @Test
    void aSiteWithFewerQuestionsThanTheMinimumListsThemAll() {
        List<QuestionRow> rows = quietSite(12);
        rows.add(row(1_000, Instant.parse("2026-12-05T10:00:00Z"), 0, 0));

        IdPage hot = build(rows).questions(TagExpression.ALL, QuestionSort.HOT, 1, 10, new ArrayList<>());

        assertEquals(13, hot.total());
        assertEquals(10, hot.numbers().size());
    }

    @Test
    void aBusySiteKeepsItsThirtyDays() {
        Instant latest = Instant.parse("2026-12-05T10:00:00Z");
        List<QuestionRow> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // One question every 2 hours: 300 questions over 25 days, all within the window.
            rows.add(row(i + 1, latest.minus(Duration.ofHours(2L * i)), i % 7, 0));
        }
        for (int i = 0; i < 50; i++) {
            rows.add(row(1_000 + i, latest.minus(Duration.ofDays(40 + i)), 50, 3));
        }

        IdPage hot = build(rows).questions(TagExpression.ALL, QuestionSort.HOT, 1, 30, new ArrayList<>());

        assertEquals(300, hot.total(), "the older, higher-scored questions stay out");
        assertTrue(hot.numbers().stream().allMatch(n -> n < 1_000));
    }

    /** Questions 1..n from 2020, one a day, the later ones scored higher. */
    private static List<QuestionRow> quietSite(int n) {
        List<QuestionRow> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(row(i, IMPORTED.plus(Duration.ofDays(i)), i / 10, i % 3));
        }
        return rows;
    }

    private static QuestionRow row(long number, Instant at, int score, int answers) {
        long nanos = QuestionRow.nanos(at);
        return new QuestionRow(number, nanos, nanos, score, answers, false, false, number, "beer");
    }

    private static SiteIndex build(List<QuestionRow> rows) {
        SiteIndexBuilder builder = new SiteIndexBuilder();
        rows.forEach(builder::add);
        return builder.build();
    }
}
