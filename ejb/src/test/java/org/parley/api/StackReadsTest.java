package org.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.post.QuestionSort;

class StackReadsTest {

    private static StackQuery query(StackSort sort, boolean ascending, Long min, Long max, int pageSize) {
        return new StackQuery(1, pageSize, sort, ascending, min, max, null, null, List.of(), false, false, null, null);
    }

    @Test
    void ordersAreTotalAndReverseForAsc() {
        assertEquals(
                "q.lastActivityAt desc, q.number desc",
                StackReads.orderBy(query(StackSort.ACTIVITY, false, null, null, 30), "q"));
        assertEquals(
                "a.score asc, a.createdAt asc, a.number asc",
                StackReads.orderBy(query(StackSort.VOTES, true, null, null, 30), "a"));
        assertEquals(
                "(q.score * 3 + q.answerCount * 4) desc, q.lastActivityAt desc, q.number desc",
                StackReads.orderBy(query(StackSort.WEEK, false, null, null, 30), "q"));
        assertEquals(
                "c.createdAt desc, c.id desc",
                StackReads.orderBy(query(StackSort.CREATION, false, null, null, 30), "c"));
    }

    @Test
    void theTagEngineAnswersPlainDescendingLists() {
        assertEquals(QuestionSort.ACTIVE, StackReads.engineSort(query(StackSort.ACTIVITY, false, null, null, 30)));
        assertEquals(QuestionSort.NEWEST, StackReads.engineSort(query(StackSort.CREATION, false, null, null, 30)));
        assertEquals(QuestionSort.HOT, StackReads.engineSort(query(StackSort.HOT, false, null, null, 30)));
        assertNull(StackReads.engineSort(query(StackSort.ACTIVITY, true, null, null, 30)));
        assertNull(StackReads.engineSort(query(StackSort.VOTES, false, 1L, null, 30)));
        assertNull(StackReads.engineSort(query(StackSort.MONTH, false, null, null, 30)));
        assertNull(StackReads.engineSort(query(StackSort.ACTIVITY, false, null, null, 0)));
    }

    @Test
    void rangesBoundTheSortFieldAndTheCreationDate() {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        StackQuery q = new StackQuery(
                1,
                30,
                StackSort.ACTIVITY,
                false,
                100L,
                200L,
                Instant.ofEpochSecond(50),
                Instant.ofEpochSecond(60),
                List.of(),
                false,
                false,
                null,
                null);
        StackReads.ranges(where, params, q, "q");
        assertEquals(
                " and q.lastActivityAt >= :min and q.lastActivityAt < :max and q.createdAt >= :fromDate"
                        + " and q.createdAt < :toDate",
                where.toString());
        assertEquals(Instant.ofEpochSecond(100), params.get("min"));
        assertEquals(Instant.ofEpochSecond(201), params.get("max"), "max takes in its whole second");
        assertEquals(Instant.ofEpochSecond(61), params.get("toDate"));

        StringBuilder votes = new StringBuilder();
        Map<String, Object> voteParams = new HashMap<>();
        StackReads.ranges(votes, voteParams, query(StackSort.VOTES, false, -1L, 5L, 30), "a");
        assertEquals(" and a.score >= :min and a.score <= :max", votes.toString());
        assertEquals(-1, voteParams.get("min"));
    }

    @Test
    void closeReasonsAndLicensesReadAsStackExchangeNamesThem() {
        assertEquals("Duplicate", StackReads.closedReason(101));
        assertEquals("Opinion-based", StackReads.closedReason(105));
        assertNull(StackReads.closedReason(null));
        assertEquals("CC BY-SA 3.0", StackReads.license("UserId=\"3\" ContentLicense=\"CC BY-SA 3.0\""));
        assertEquals(StackReads.LICENSE, StackReads.license(null));
    }
}
