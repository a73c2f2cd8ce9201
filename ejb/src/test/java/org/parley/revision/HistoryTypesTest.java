package org.parley.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTypesTest {

    @Test
    void readersSeeEditsAndModerationButNotBookkeeping() {
        for (int type : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 19, 20, 33, 35, 36, 38}) {
            assertTrue(HistoryTypes.shown(type), "type " + type);
        }
        for (int type : new int[] {21, 23, 24, 25, 26, 31, 50, 52, 53, 66, 99}) {
            assertFalse(HistoryTypes.shown(type), "type " + type);
        }
    }

    @Test
    void closeReasonsInWords() {
        assertEquals("Closed as off-topic.", HistoryTypes.eventText(10, "102"));
        assertEquals("Closed as a duplicate.", HistoryTypes.eventText(10, "101"));
        assertEquals("Closed as too localized.", HistoryTypes.eventText(10, "7"));
        assertEquals("Closed by vote.", HistoryTypes.eventText(10, "999"));
        assertEquals("Closed by vote.", HistoryTypes.eventText(10, null));
        assertEquals("Closed", HistoryTypes.eventTitle(10));
        assertEquals("Reopened", HistoryTypes.eventTitle(11));
        assertEquals("Locked", HistoryTypes.eventTitle(14));
        assertTrue(HistoryTypes.eventText(14, null).startsWith("Locked: no votes"));
        assertEquals(
                "Migrated here from http://bicycles.stackexchange.com/questions/5343.",
                HistoryTypes.eventText(36, "from http://bicycles.stackexchange.com/questions/5343"));
        assertNull(HistoryTypes.eventText(13, null));
    }

    @Test
    void votersAndDuplicatesComeFromTheJson() {
        String json = "{\"OriginalQuestionIds\":[144,7],\"Voters\":[{\"Id\":5,\"DisplayName\":\"Robert Cartaino\"},"
                + "{\"Id\":76,\"DisplayName\":\"freiheit\",\"BindingReason\":{\"GoldTagBadge\":\"beer\"}}]}";
        assertEquals(
                List.of(new HistoryTypes.Voter(5L, "Robert Cartaino"), new HistoryTypes.Voter(76L, "freiheit")),
                HistoryTypes.voters(json));
        assertEquals(List.of(144L, 7L), HistoryTypes.duplicateOf(json));
        assertEquals(List.of(), HistoryTypes.voters("not json"));
        assertEquals(List.of(), HistoryTypes.voters("{broken"));
        assertEquals(List.of(), HistoryTypes.duplicateOf(null));
    }

    @Test
    void theProposerOfASuggestedEdit() {
        assertEquals(5567L, HistoryTypes.proposer("Proposed by 5567 approved by -1 edit id of 3"));
        assertNull(HistoryTypes.proposer("something else"));
    }
}
