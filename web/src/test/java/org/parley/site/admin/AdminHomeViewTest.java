package org.parley.site.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdminHomeViewTest {

    @Test
    void theConsoleIsOnTheManagementPortPlusTheOffset() {
        assertEquals("http://localhost:9990/console/index.html", AdminHomeView.consoleUrl("localhost", null, null));
        assertEquals(
                "http://example.org:14990/console/index.html", AdminHomeView.consoleUrl("example.org", "9990", "5000"));
        assertEquals("http://[::1]:9991/console/index.html", AdminHomeView.consoleUrl("::1", "9991", "x"));
    }
}
