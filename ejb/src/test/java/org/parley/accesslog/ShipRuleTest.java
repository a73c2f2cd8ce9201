package org.parley.accesslog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShipRuleTest {

    private final ShipRule rule = new ShipRule(20, 0.5, 1000);

    @Test
    void shipsWhenQuiet() {
        assertTrue(rule.ship(10, 5, 0.1));
        assertTrue(rule.ship(10, 20, 0.5), "at the limits counts as quiet");
        assertTrue(rule.ship(10, 0, -1), "a JVM that cannot tell its CPU load goes by the request rate");
    }

    @Test
    void waitsWhileBusy() {
        assertFalse(rule.ship(10, 21, 0.1), "too many requests");
        assertFalse(rule.ship(10, 5, 0.9), "too much CPU");
    }

    @Test
    void shipsABacklogAtTheHighWaterMarkEvenWhenBusy() {
        assertTrue(rule.ship(1000, 500, 1.0));
        assertFalse(rule.ship(999, 500, 1.0));
    }

    @Test
    void nothingWaitingNothingToDo() {
        assertFalse(rule.ship(0, 0, 0));
    }
}
