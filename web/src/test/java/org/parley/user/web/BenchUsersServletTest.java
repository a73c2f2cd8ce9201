package org.parley.user.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.user.User;

class BenchUsersServletTest {

    @Test
    void theCountIsOneToTheMaximum() {
        assertEquals(1, BenchUsersServlet.count("1"));
        assertEquals(64, BenchUsersServlet.count(" 64 "));
        assertEquals(BenchUsersServlet.MAX_USERS, BenchUsersServlet.count(String.valueOf(BenchUsersServlet.MAX_USERS)));
        for (String bad : new String[] {null, "", "0", "-1", "257", "1e3", "64; drop"}) {
            assertThrows(NumberFormatException.class, () -> BenchUsersServlet.count(bad), String.valueOf(bad));
        }
    }

    @Test
    void namesAreValidUnreservedUsernamesOfOnePattern() {
        List<String> names = BenchUsersServlet.names(BenchUsersServlet.MAX_USERS);
        assertEquals(List.of("bench-user-1", "bench-user-2"), names.subList(0, 2));
        assertEquals(BenchUsersServlet.MAX_USERS, names.stream().distinct().count());
        for (String name : names) {
            assertEquals(name, User.checkUsername(name));
            assertFalse(User.isReserved(name), name);
            String display = BenchUsersServlet.displayName(name);
            assertEquals(display, User.checkDisplayName(display));
        }
        assertEquals("Bench user 7", BenchUsersServlet.displayName("bench-user-7"));
    }
}
