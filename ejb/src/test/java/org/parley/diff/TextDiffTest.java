package org.parley.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TextDiffTest {

    private static DiffSegment same(String s) {
        return new DiffSegment(DiffSegment.Op.SAME, s);
    }

    private static DiffSegment added(String s) {
        return new DiffSegment(DiffSegment.Op.ADDED, s);
    }

    private static DiffSegment removed(String s) {
        return new DiffSegment(DiffSegment.Op.REMOVED, s);
    }

    /** The older text: kept and removed runs; the newer: kept and added runs. */
    private static String side(List<DiffSegment> diff, DiffSegment.Op op) {
        return diff.stream()
                .filter(s -> s.isSame() || s.op() == op)
                .map(DiffSegment::text)
                .collect(Collectors.joining());
    }

    @Test
    void aChangedWordIsRemovedThenAdded() {
        assertEquals(
                List.of(same("I like "), removed("red"), added("white"), same(" wine.")),
                TextDiff.words("I like red wine.", "I like white wine."));
    }

    @Test
    void changesSeparatedOnlyBySpacesAreOneChange() {
        assertEquals(
                List.of(same("a "), removed("old words"), added("new text"), same(" end")),
                TextDiff.words("a old words end", "a new text end"));
    }

    @Test
    void punctuationAloneDoesNotMarkTheWord() {
        assertEquals(List.of(same("Hello"), removed("."), added("!")), TextDiff.words("Hello.", "Hello!"));
    }

    @Test
    void bothSidesAreKeptExactlyIncludingNewlines() {
        String before = "First line\n\n    code here\nlast *word*";
        String after = "First line, changed\n\n    code there\nlast **word**\nmore";
        List<DiffSegment> diff = TextDiff.words(before, after);
        assertEquals(before, side(diff, DiffSegment.Op.REMOVED));
        assertEquals(after, side(diff, DiffSegment.Op.ADDED));
        assertTrue(TextDiff.changed(diff));
    }

    @Test
    void aFirstVersionIsAllAddedAndEqualTextsAreAllSame() {
        assertEquals(List.of(added("new body")), TextDiff.words(null, "new body"));
        List<DiffSegment> none = TextDiff.words("same text", "same text");
        assertEquals(List.of(same("same text")), none);
        assertFalse(TextDiff.changed(none));
        assertEquals(List.of(), TextDiff.words("", null));
    }

    @Test
    void itemsKeepOneSegmentEachInTheNewerOrder() {
        assertEquals(
                List.of(same("beer"), removed("ale"), added("lager"), added("taste"), same("history")),
                TextDiff.items(List.of("beer", "ale", "history"), List.of("beer", "lager", "taste", "history")));
        assertEquals(List.of(added("one")), TextDiff.items(null, List.of("one")));
    }

    @Test
    void hugeTextsFallBackToOneRemovedAndOneAddedRun() {
        String before = "a ".repeat(TextDiff.MAX_TOKENS);
        String after = "b ".repeat(TextDiff.MAX_TOKENS);
        assertEquals(List.of(removed(before), added(after)), TextDiff.words(before, after));
    }
}
