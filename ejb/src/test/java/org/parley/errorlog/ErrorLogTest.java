package org.parley.errorlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.rules.NotFoundException;

class ErrorLogTest {

    private static IllegalStateException thrownAt(int line) {
        IllegalStateException e = new IllegalStateException("broken " + line);
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.parley.post.PostService", "vote", "PostService.java", line),
            new StackTraceElement("org.parley.post.PostService$$Lambda/0x0000000801234", "apply", null, -1),
            new StackTraceElement("org.parley.post.web.QuestionView", "vote", "QuestionView.java", line + 40)
        });
        return e;
    }

    @Test
    void theSameErrorOnOtherLinesOrWrappedHasOneFingerprint() {
        String a = Fingerprint.of(thrownAt(10));
        assertEquals(a, Fingerprint.of(thrownAt(99)), "line numbers and messages do not count");
        assertEquals(a, Fingerprint.of(new RuntimeException("wrapper", thrownAt(5))), "the root cause counts");
        assertEquals(32, a.length());
    }

    @Test
    void reflectionFramesDoNotSplitAnError() {
        IllegalStateException direct = thrownAt(1);
        IllegalStateException inflated = thrownAt(1);
        StackTraceElement[] frames = direct.getStackTrace();
        inflated.setStackTrace(new StackTraceElement[] {
            frames[0],
            new StackTraceElement("jdk.internal.reflect.GeneratedMethodAccessor42", "invoke", null, -1),
            frames[1],
            frames[2]
        });
        assertEquals(Fingerprint.of(direct), Fingerprint.of(inflated));
    }

    @Test
    void anotherTypeOrPlaceIsAnotherError() {
        IllegalArgumentException other = new IllegalArgumentException();
        other.setStackTrace(thrownAt(1).getStackTrace());
        assertNotEquals(Fingerprint.of(thrownAt(1)), Fingerprint.of(other));
        IllegalStateException elsewhere = new IllegalStateException();
        elsewhere.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.parley.post.PostService", "answer", "PostService.java", 10)
        });
        assertNotEquals(Fingerprint.of(thrownAt(1)), Fingerprint.of(elsewhere));
    }

    @Test
    void aFloodBetweenFlushesIsOneEntryWithItsCount() {
        ErrorBuffer buffer = new ErrorBuffer(10);
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        for (int i = 0; i < 1000; i++) {
            buffer.add(ErrorEvent.of(
                    thrownAt(i), new ErrorContext("/q/" + i, null, null, "r" + i), "n1", t.plusSeconds(i)));
        }
        List<ErrorEvent> drained = buffer.drain();
        assertEquals(1, drained.size());
        ErrorEvent e = drained.get(0);
        assertEquals(1000, e.count());
        assertEquals(t, e.firstSeen());
        assertEquals(t.plusSeconds(999), e.lastSeen());
        assertEquals("/q/999", e.context().url(), "the latest occurrence's context");
        assertEquals("broken 999", e.message());
        assertEquals(0, buffer.size());
    }

    @Test
    void theBufferIsBoundedAndAFailedWriteGoesBack() {
        ErrorBuffer buffer = new ErrorBuffer(2);
        Instant t = Instant.now();
        assertTrue(buffer.add(ErrorEvent.of(new IllegalStateException(), ErrorContext.of("a"), "n", t)));
        assertTrue(buffer.add(ErrorEvent.of(new IllegalArgumentException(), ErrorContext.of("b"), "n", t)));
        assertFalse(buffer.add(ErrorEvent.of(new UnsupportedOperationException(), ErrorContext.of("c"), "n", t)));
        assertEquals(1, buffer.dropped());
        List<ErrorEvent> taken = buffer.drain();
        buffer.add(ErrorEvent.of(new IllegalStateException(), ErrorContext.of("a2"), "n", t.plusSeconds(1)));
        buffer.putBack(taken);
        List<ErrorEvent> again = buffer.drain();
        assertEquals(2, again.size());
        ErrorEvent a = again.stream()
                .filter(e -> e.type().endsWith("IllegalStateException"))
                .findFirst()
                .orElseThrow();
        assertEquals(2, a.count());
        assertEquals("a2", a.context().url(), "the newer context wins after a put-back");
    }

    @Test
    void answersAreNotErrors() {
        assertTrue(Expected.is(new RuntimeException(new NotFoundException("gone"))));
        assertTrue(Expected.is(new IOException("Broken pipe")));
        assertFalse(Expected.is(new IllegalStateException("a bug")));
    }

    @Test
    void anEntryCountsAndKeepsTheLatestContext() {
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        ErrorLogEntry entry = new ErrorLogEntry(ErrorEvent.of(thrownAt(1), ErrorContext.of("/a"), "n1", t));
        entry.add(ErrorEvent.of(thrownAt(2), ErrorContext.of("/b"), "n2", t.plusSeconds(5)));
        assertEquals(2, entry.getOccurrences());
        assertEquals("/b", entry.getUrl());
        assertEquals("n2", entry.getNode());
        assertEquals(t, entry.getFirstSeen());
        String huge = "x".repeat(100_000);
        entry.add(ErrorEvent.of(new IllegalStateException(huge), ErrorContext.of(huge), "n", t.plusSeconds(9)));
        assertTrue(entry.getMessage().length() <= ErrorLogEntry.MESSAGE);
        assertTrue(entry.getUrl().length() <= ErrorLogEntry.URL);
    }
}
