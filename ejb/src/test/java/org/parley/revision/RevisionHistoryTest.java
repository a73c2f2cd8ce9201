package org.parley.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.diff.DiffSegment;
import org.parley.user.UserRef;

class RevisionHistoryTest {

    private static final Instant T = Instant.parse("2020-01-01T00:00:00Z");

    private static final Map<Long, UserRef> USERS = Map.of(
            7L, new UserRef(7L, "Alice", "alice", 100),
            8L, new UserRef(8L, "Bob", "bob", 50));

    private static final RevisionHistory.People PEOPLE = (n, fallback) -> {
        UserRef u = n == null ? null : USERS.get(n);
        if (u != null) {
            return u;
        }
        String name = fallback != null ? fallback : n != null && n == -1 ? "Community" : "a deleted user";
        return new UserRef(null, name, name, 0);
    };

    private static HistoryRow row(int type, String guid, int minute, Long user, String comment, String text) {
        return new HistoryRow(type, guid, T.plusSeconds(60L * minute), user, null, comment, text, "CC BY-SA 4.0");
    }

    private static List<RevisionEntry> build(List<HistoryRow> rows) {
        return RevisionHistory.build(
                rows,
                PEOPLE,
                n -> n == 144 ? new RevisionEntry.QuestionLink(144, "Original question", "original-question") : null,
                md -> "<p>" + md + "</p>");
    }

    @Test
    void rowsOfOneEditAreOneRevisionWithDiffsNewestFirst() {
        List<RevisionEntry> entries = build(List.of(
                row(1, "g1", 0, 7L, null, "Which beer is best"),
                row(2, "g1", 0, 7L, null, "I like red ale."),
                row(3, "g1", 0, 7L, null, "<beer><ale>"),
                row(5, "g2", 5, 8L, "fixed the colour", "I like amber ale."),
                row(4, "g2", 5, 8L, "fixed the colour", "Which beer is the best?"),
                row(6, "g3", 9, 8L, null, "|beer|amber-ale|")));
        assertEquals(3, entries.size());
        RevisionEntry third = entries.get(0);
        RevisionEntry second = entries.get(1);
        RevisionEntry first = entries.get(2);

        assertEquals("Revision 1", first.heading());
        assertTrue(first.isFirst());
        assertEquals("Which beer is best", first.title());
        assertEquals("<p>I like red ale.</p>", first.bodyHtml());
        assertEquals(List.of("beer", "ale"), first.tags());
        assertEquals(List.of(), first.bodyDiff());
        assertEquals("Alice", first.by().displayName());

        assertEquals(2, second.number());
        assertEquals("Bob", second.by().displayName());
        assertEquals("fixed the colour", second.comment());
        assertEquals(
                List.of(
                        new DiffSegment(DiffSegment.Op.SAME, "I like "),
                        new DiffSegment(DiffSegment.Op.REMOVED, "red"),
                        new DiffSegment(DiffSegment.Op.ADDED, "amber"),
                        new DiffSegment(DiffSegment.Op.SAME, " ale.")),
                second.bodyDiff());
        assertTrue(second.titleDiff().stream()
                .anyMatch(s -> s.isAdded() && s.text().contains("the")));
        assertEquals(List.of(), second.tagsDiff());

        assertEquals(3, third.number());
        assertNull(third.bodyHtml());
        assertEquals(
                List.of(
                        new DiffSegment(DiffSegment.Op.SAME, "beer"),
                        new DiffSegment(DiffSegment.Op.REMOVED, "ale"),
                        new DiffSegment(DiffSegment.Op.ADDED, "amber-ale")),
                third.tagsDiff());
    }

    @Test
    void aCloseNamesItsReasonVotersAndTheOriginal() {
        List<RevisionEntry> entries = build(List.of(
                row(2, "g1", 0, 7L, null, "body"),
                row(
                        10,
                        "c1",
                        3,
                        7L,
                        "101",
                        "{\"OriginalQuestionIds\":[144,999],\"Voters\":[{\"Id\":7,\"DisplayName\":\"Alice\"},"
                                + "{\"Id\":529,\"DisplayName\":\"Gone Person\"}]}")));
        RevisionEntry close = entries.get(0);
        assertFalse(close.isRevision());
        assertEquals("Closed", close.heading());
        assertEquals("Closed as a duplicate.", close.text());
        assertNull(close.comment(), "the reason number is not shown raw");
        assertEquals(
                List.of("Alice", "Gone Person"),
                close.voters().stream().map(UserRef::displayName).toList());
        assertTrue(close.voters().get(0).linkable());
        assertFalse(close.voters().get(1).linkable(), "a voter who is not a user of the site is named, not linked");
        assertEquals(
                List.of(144L),
                close.duplicateOf().stream()
                        .map(RevisionEntry.QuestionLink::number)
                        .toList());
    }

    @Test
    void bookkeepingRowsAreLeftOutAndJsonIsNeverShown() {
        List<RevisionEntry> entries = build(List.of(
                row(2, "g1", 0, 7L, null, "body"),
                row(25, "t", 1, null, "http://twitter.com/#!/x/status/1", null),
                row(52, "h", 2, null, null, null),
                row(66, "w", 3, 7L, null, null),
                row(12, "d", 4, 8L, null, "{\"Voters\":[{\"Id\":8,\"DisplayName\":\"Bob\"}]}")));
        assertEquals(
                List.of("Deleted", "Revision 1"),
                entries.stream().map(RevisionEntry::heading).toList());
        RevisionEntry deleted = entries.get(0);
        assertNull(deleted.comment());
        assertEquals(
                List.of("Bob"),
                deleted.voters().stream().map(UserRef::displayName).toList());
    }

    @Test
    void unknownAndDeletedPeopleGetSensibleNames() {
        List<RevisionEntry> entries = build(List.of(
                new HistoryRow(2, "g1", T, 529L, "Kept Name", null, "body", null),
                new HistoryRow(5, "g2", T.plusSeconds(60), 530L, null, null, "body two", null),
                new HistoryRow(16, "g3", T.plusSeconds(120), -1L, null, null, null, null)));
        assertEquals("Community", entries.get(0).by().displayName());
        assertEquals("a deleted user", entries.get(1).by().displayName());
        assertEquals("Kept Name", entries.get(2).by().displayName());
        assertFalse(entries.get(2).by().linkable());
    }

    @Test
    void aRollbackSaysWhichRevisionItWentBackToAndASuggestedEditWhoProposedIt() {
        List<RevisionEntry> entries = build(List.of(
                row(2, "aaaaaaaa-1111", 0, 7L, null, "one"),
                row(5, "bbbbbbbb-2222", 1, 8L, null, "two"),
                new HistoryRow(
                        24,
                        "bbbbbbbb-2222",
                        T.plusSeconds(60),
                        null,
                        null,
                        "Proposed by 7 approved by 8 edit id of 3",
                        null,
                        null),
                row(8, "cccccccc-3333", 2, 7L, "Rollback to [aaaaaaaa-1111]", "one")));
        assertEquals("Rolled back to revision 1", entries.get(0).comment());
        assertEquals("Alice", entries.get(1).suggestedBy().displayName());
        assertEquals(3, entries.size(), "the suggested-edit row is folded into its edit");
    }

    @Test
    void tagsInBothDumpFormats() {
        assertEquals(List.of("a", "b-c"), RevisionHistory.tags("<a><b-c>"));
        assertEquals(List.of("a", "b-c"), RevisionHistory.tags("|a|b-c|"));
        assertEquals(List.of(), RevisionHistory.tags(""));
    }
}
