package org.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StackParametersTest {

    private static StackQuery query(String... pairs) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return StackParameters.query(params::get, StackSort.QUESTION_SORTS, StackSort.ACTIVITY, false, false);
    }

    private static StackException refused(String... pairs) {
        StackException e = assertThrows(StackException.class, () -> query(pairs));
        assertEquals(StackError.BAD_PARAMETER, e.error());
        return e;
    }

    @Test
    void defaultsAreStackExchanges() {
        StackQuery q = query();
        assertEquals(1, q.page());
        assertEquals(30, q.pageSize());
        assertEquals(StackSort.ACTIVITY, q.sort());
        assertFalse(q.ascending());
        assertFalse(q.ranged());
        assertEquals(List.of(), q.tagged());
    }

    @Test
    void readsEveryParameter() {
        StackQuery q = query(
                "page", "3",
                "pagesize", "0",
                "sort", "Votes",
                "order", "asc",
                "min", "-2",
                "max", "10",
                "fromdate", "1700000000",
                "todate", "2024-01-31",
                "tagged", "java; JPA;java");
        assertEquals(3, q.page());
        assertEquals(0, q.pageSize());
        assertEquals(StackSort.VOTES, q.sort());
        assertTrue(q.ascending());
        assertEquals(-2L, q.min());
        assertEquals(10L, q.max());
        assertEquals(Instant.ofEpochSecond(1700000000), q.fromDate());
        assertEquals(Instant.parse("2024-01-31T00:00:00Z"), q.toDate());
        assertEquals(List.of("java", "jpa"), q.tagged());
        assertEquals(200, query("page", "3", "pagesize", "100").firstResult());
    }

    @Test
    void datedSortsTakeDatesAsMinAndMax() {
        StackQuery q = query("sort", "creation", "min", "2020-01-01", "max", "1600000000");
        assertEquals(Instant.parse("2020-01-01T00:00:00Z").getEpochSecond(), q.min());
        assertEquals(1600000000L, q.max());
    }

    @Test
    void badValuesNameTheirParameter() {
        assertTrue(refused("page", "0").getMessage().startsWith("page: "));
        assertTrue(refused("page", "x").getMessage().startsWith("page: "));
        assertTrue(refused("pagesize", "1000").getMessage().startsWith("pagesize: "));
        assertTrue(refused("pagesize", "-1").getMessage().startsWith("pagesize: "));
        assertTrue(refused("sort", "relevance").getMessage().startsWith("sort: "));
        assertTrue(refused("order", "up").getMessage().startsWith("order: "));
        assertTrue(refused("fromdate", "yesterday").getMessage().startsWith("fromdate: "));
        assertTrue(refused("todate", "2024-13-01").getMessage().startsWith("todate: "));
        assertTrue(refused("sort", "votes", "min", "1.5").getMessage().startsWith("min: "));
        assertTrue(refused("sort", "activity", "max", "soon").getMessage().startsWith("max: "));
        assertTrue(refused("sort", "hot", "min", "1").getMessage().startsWith("min: "));
        assertTrue(refused("tagged", "a;b;c;d;e;f").getMessage().startsWith("tagged: "));
    }

    @Test
    void sortsAreTheMethods() {
        StackException e = assertThrows(
                StackException.class,
                () -> StackParameters.query(
                        Map.of("sort", "hot")::get, StackSort.COMMENT_SORTS, StackSort.CREATION, false, false));
        assertEquals("sort: \"hot\" is not one of creation, votes", e.getMessage());
    }

    @Test
    void idsAreUpToAHundredPositiveNumbers() {
        assertEquals(List.of(7L, 1L, 2L), StackParameters.ids("7;1;2;7;"));
        String hundred = LongStream.rangeClosed(1, 100).mapToObj(Long::toString).collect(Collectors.joining(";"));
        assertEquals(100, StackParameters.ids(hundred).size());
        StackException over = assertThrows(StackException.class, () -> StackParameters.ids(hundred + ";101"));
        assertEquals(StackError.BAD_PARAMETER, over.error());
        assertEquals("ids: at most 100 ids, not 101", over.getMessage());
        assertThrows(StackException.class, () -> StackParameters.ids("1;x"));
        assertThrows(StackException.class, () -> StackParameters.ids("0"));
        assertThrows(StackException.class, () -> StackParameters.ids(";"));
        assertThrows(StackException.class, () -> StackParameters.ids("-3"));
    }

    @Test
    void blankDatesAreAbsent() {
        assertNull(StackParameters.date(" ", "fromdate"));
        assertThrows(StackException.class, () -> StackParameters.date("99999999999999", "fromdate"));
    }

    private static StackQuery users(String... pairs) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return StackParameters.query(params::get, StackSort.USER_SORTS, StackSort.REPUTATION, false, false);
    }

    @Test
    void userSortsTakeTheirOwnKindOfBounds() {
        assertEquals(StackSort.REPUTATION, users().sort());
        StackQuery byReputation = users("min", "100", "max", "1000");
        assertEquals(100L, byReputation.min());
        assertEquals(1000L, byReputation.max());
        assertNull(byReputation.minText());

        StackQuery byName = users("sort", "name", "min", "Ma", "max", "Mz");
        assertEquals("ma", byName.minText(), "names compare lower-cased");
        assertEquals("mz", byName.maxText());
        assertNull(byName.min());
        assertTrue(byName.ranged());

        StackQuery byModified = users("sort", "modified", "min", "2011-01-01");
        assertEquals(Instant.parse("2011-01-01T00:00:00Z").getEpochSecond(), byModified.min());

        StackException votes = assertThrows(StackException.class, () -> users("sort", "votes"));
        assertTrue(votes.getMessage().startsWith("sort"), votes.getMessage());
    }

    @Test
    void badgeRanksAndTypesAreNamedBounds() {
        Map<String, String> params = Map.of("sort", "rank", "min", "Silver");
        StackQuery q = StackParameters.query(params::get, StackSort.USER_BADGE_SORTS, StackSort.RANK, false, false);
        assertEquals("silver", q.minText());
        StackException platinum = assertThrows(
                StackException.class,
                () -> StackParameters.query(
                        Map.of("min", "platinum")::get, StackSort.USER_BADGE_SORTS, StackSort.RANK, false, false));
        assertTrue(platinum.getMessage().startsWith("min"), platinum.getMessage());
        assertEquals(
                "tag_based",
                StackParameters.query(
                                Map.of("sort", "type", "max", "tag_based")::get,
                                StackSort.USER_BADGE_SORTS,
                                StackSort.RANK,
                                false,
                                false)
                        .maxText());
        assertThrows(
                StackException.class,
                () -> StackParameters.query(
                        Map.of("sort", "type", "max", "gold")::get,
                        StackSort.USER_BADGE_SORTS,
                        StackSort.RANK,
                        false,
                        false));
    }
}
