package org.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackPeopleTest {

    private static final Instant T = Instant.parse("2020-01-01T00:00:00Z");

    private static StackQuery query(StackSort sort, boolean ascending, String minText, String maxText) {
        return new StackQuery(
                1, 30, sort, ascending, null, null, null, null, List.of(), false, false, minText, maxText);
    }

    private static StackBadge badge(String name, int badgeClass, boolean tagBased, long awardedDay) {
        return new StackBadge(1, name, badgeClass, tagBased, 1, "/badges/1", T.plusSeconds(86_400 * awardedDay), null);
    }

    @Test
    void acceptRateIsAcceptedAmongAnsweredQuestions() {
        assertNull(StackPeople.acceptRate(0, 0), "no answered question: absent");
        assertEquals(100, StackPeople.acceptRate(4, 4));
        assertEquals(66, StackPeople.acceptRate(3, 2), "rounded down");
        assertEquals(0, StackPeople.acceptRate(5, 0));
    }

    @Test
    void lastAccessIsTheLatestKnownDateAndNeverBeforeCreation() {
        Instant imported = T.plusSeconds(3600);
        assertEquals(T, StackPeople.lastAccess(T, null, null), "nothing known: the creation date");
        assertEquals(imported, StackPeople.lastAccess(T, null, imported));
        assertEquals(
                Instant.parse("2021-05-02T00:00:00Z"),
                StackPeople.lastAccess(T, LocalDate.of(2021, 5, 2), imported),
                "a later visit wins");
        assertEquals(imported, StackPeople.lastAccess(T, LocalDate.of(2019, 1, 1), imported));
        assertEquals(T, StackPeople.lastAccess(T, LocalDate.of(2019, 1, 1), null), "not before the account");
    }

    @Test
    void badgesSortByRankWithBronzeAboveGoldAsStackExchangeDoes() {
        List<StackBadge> badges =
                List.of(badge("Famous", 1, false, 3), badge("Student", 3, false, 1), badge("java", 2, true, 2));
        List<String> byRank = badges.stream()
                .sorted(StackPeople.badgeOrder(query(StackSort.RANK, false, null, null)))
                .map(StackBadge::name)
                .toList();
        assertEquals(List.of("Student", "java", "Famous"), byRank, "desc: bronze, silver, gold");
        List<String> byType = badges.stream()
                .sorted(StackPeople.badgeOrder(query(StackSort.TYPE, false, null, null)))
                .map(StackBadge::name)
                .toList();
        assertEquals("java", byType.get(0), "tag_based is greater than named");
        List<String> byAwarded = badges.stream()
                .sorted(StackPeople.badgeOrder(query(StackSort.AWARDED, true, null, null)))
                .map(StackBadge::name)
                .toList();
        assertEquals(List.of("Student", "java", "Famous"), byAwarded);
    }

    @Test
    void rankAndTypeBoundsSelectAsDocumented() {
        StackBadge gold = badge("Famous", 1, false, 0);
        StackBadge silver = badge("java", 2, true, 0);
        StackBadge bronze = badge("Student", 3, false, 0);
        assertTrue(StackPeople.inRange(query(StackSort.RANK, false, "bronze", null))
                .test(bronze));
        assertFalse(StackPeople.inRange(query(StackSort.RANK, false, "bronze", null))
                .test(silver));
        assertTrue(
                StackPeople.inRange(query(StackSort.RANK, false, null, "gold")).test(gold));
        assertFalse(
                StackPeople.inRange(query(StackSort.RANK, false, null, "gold")).test(silver));
        assertTrue(StackPeople.inRange(query(StackSort.RANK, false, "silver", "silver"))
                .test(silver));
        assertTrue(StackPeople.inRange(query(StackSort.TYPE, false, "tag_based", null))
                .test(silver));
        assertFalse(StackPeople.inRange(query(StackSort.TYPE, false, "tag_based", null))
                .test(gold));
        assertTrue(StackPeople.inRange(query(StackSort.NAME, false, "s", null)).test(bronze));
        assertFalse(StackPeople.inRange(query(StackSort.NAME, false, "s", null)).test(gold));
    }

    private static StackQuery page(int page, int size, boolean total) {
        return new StackQuery(
                page, size, StackSort.CREATION, false, null, null, null, null, List.of(), false, total, null, null);
    }

    @Test
    void aListHeldWholeIsPagedWithHasMoreAndTotal() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);
        StackPage<Integer> second = StackPeople.page(all, page(2, 2, true));
        assertEquals(List.of(3, 4), second.items());
        assertTrue(second.hasMore());
        assertEquals(5L, second.total());
        StackPage<Integer> last = StackPeople.page(all, page(3, 2, false));
        assertEquals(List.of(5), last.items());
        assertFalse(last.hasMore());
        assertNull(last.total());
        assertEquals(List.of(), StackPeople.page(all, page(9, 2, false)).items());
    }
}
