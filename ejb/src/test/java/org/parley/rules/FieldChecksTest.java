package org.parley.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldChecksTest {

    @Test
    void everyFailedCheckIsReportedUnderItsFieldInOrder() {
        FieldChecks checks = new FieldChecks();
        assertNull(checks.field("title", () -> {
            throw new InvalidInputException("Too short.");
        }));
        assertEquals("ok", checks.field("body", () -> "ok"));
        checks.field("tags", () -> {
            throw new InvalidInputException("No tags.");
        });
        InvalidInputException e = assertThrows(InvalidInputException.class, checks::done);
        assertEquals(
                List.of("title", "tags"),
                e.problems().stream().map(InvalidInputException::field).toList());
        assertEquals("Too short. No tags.", e.getMessage());
    }

    @Test
    void aProblemThatNamesItsOwnFieldKeepsIt() {
        FieldChecks checks = new FieldChecks();
        checks.field("to", () -> {
            throw new InvalidInputException("recipient", "Nobody.");
        });
        InvalidInputException e = assertThrows(InvalidInputException.class, checks::done);
        assertEquals("recipient", e.field());
        assertEquals(List.of(e), e.problems());
    }

    @Test
    void nothingFailedNothingThrown() {
        FieldChecks checks = new FieldChecks();
        checks.field("title", () -> "fine");
        assertDoesNotThrow(checks::done);
    }
}
