package org.parley.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.markdown.MarkdownRenderer;
import org.parley.rules.InvalidInputException;

class MessageRulesTest {

    static final Instant NOW = Instant.parse("2026-12-02T18:00:00Z");

    @AfterEach
    void clearProperty() {
        System.clearProperty(MessageRules.PER_MINUTE_PROPERTY);
    }

    @Test
    void bodiesMustHaveTextAndFitTheLimit() {
        assertThrows(InvalidInputException.class, () -> MessageRules.checkBody(null));
        assertThrows(InvalidInputException.class, () -> MessageRules.checkBody(" \n\t "));
        assertEquals("  hi", MessageRules.checkBody("  hi  \n"));
        assertEquals(
                PrivateMessage.MAX_BODY,
                MessageRules.checkBody("x".repeat(PrivateMessage.MAX_BODY)).length());
        InvalidInputException tooLong = assertThrows(
                InvalidInputException.class, () -> MessageRules.checkBody("x".repeat(PrivateMessage.MAX_BODY + 1)));
        assertTrue(tooLong.getMessage().contains("at most 10000"), tooLong.getMessage());
    }

    @Test
    void theLimitComesFromTheSystemPropertyWithASafeDefault() {
        assertEquals(20, MessageRules.perMinute());
        System.setProperty(MessageRules.PER_MINUTE_PROPERTY, "5");
        assertEquals(5, MessageRules.perMinute());
        System.setProperty(MessageRules.PER_MINUTE_PROPERTY, "lots");
        assertEquals(20, MessageRules.perMinute());
        System.setProperty(MessageRules.PER_MINUTE_PROPERTY, "0");
        assertEquals(20, MessageRules.perMinute());
    }

    @Test
    void underTheLimitThereIsNoWait() {
        List<Instant> sent = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            sent.add(NOW.minusSeconds(i));
        }
        assertEquals(0, MessageRules.retryAfterSeconds(sent, NOW, 20));
        // Sends older than a minute do not count.
        sent.add(NOW.minusSeconds(61));
        sent.add(NOW.minusSeconds(60));
        assertEquals(0, MessageRules.retryAfterSeconds(sent, NOW, 20));
    }

    @Test
    void atTheLimitTheWaitIsUntilTheOldestSendLeavesTheWindow() {
        List<Instant> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(NOW.minusSeconds(45).plusSeconds(i)); // oldest 45 s ago
        }
        assertEquals(15, MessageRules.retryAfterSeconds(sent, NOW, 20));
        // Sub-second waits round up: never "try again in 0 seconds".
        assertEquals(1, MessageRules.retryAfterSeconds(List.of(NOW.minusMillis(59_900)), NOW, 1));
        // Over the limit (the property was lowered): the wait is until enough have left.
        assertEquals(50, MessageRules.retryAfterSeconds(List.of(NOW.minusSeconds(30), NOW.minusSeconds(10)), NOW, 1));
    }

    @Test
    void excerptsArePlainTextAndShort() {
        String html = MarkdownRenderer.shared().toSafeHtml("# Hi\n\n**Bold** & <script>alert(1)</script> `x < y`");
        String excerpt = MessageRules.excerpt(html);
        assertEquals("Hi Bold & x < y", excerpt);
        String longOne = MessageRules.excerpt("<p>" + "word ".repeat(100) + "</p>");
        assertTrue(longOne.length() <= MessageRules.EXCERPT, longOne);
        assertTrue(longOne.endsWith("…"));
        assertEquals("", MessageRules.excerpt(null));
        assertEquals("Hello Bo, and <you>", MessageRules.excerpt("<p>Hello <strong>Bo</strong>, and &lt;you&gt;</p>"));
        assertEquals("one two", MessageRules.excerpt("<ul><li>one</li><li>two</li></ul>"));
    }
}
