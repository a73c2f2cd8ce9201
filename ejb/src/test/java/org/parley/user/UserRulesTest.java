package org.parley.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.rules.InvalidInputException;
import org.parley.site.Site;

class UserRulesTest {

    private final Site site = new Site("u.localhost", "u", "U", "", Instant.now());

    @Test
    void usernamesAreLowerCased3To30SafeCharacters() {
        assertEquals("jane.doe-1_x", User.checkUsername("  Jane.Doe-1_X "));
        assertThrows(InvalidInputException.class, () -> User.checkUsername("ab"));
        assertThrows(InvalidInputException.class, () -> User.checkUsername("x".repeat(31)));
        assertThrows(InvalidInputException.class, () -> User.checkUsername("jane doe"));
        assertThrows(InvalidInputException.class, () -> User.checkUsername("jäne"));
        assertThrows(InvalidInputException.class, () -> User.checkUsername(null));
    }

    @Test
    void displayNamesAre2To40Characters() {
        assertEquals("Jane Doe", User.checkDisplayName("  Jane   Doe "));
        assertThrows(InvalidInputException.class, () -> User.checkDisplayName("J"));
        assertThrows(InvalidInputException.class, () -> User.checkDisplayName("x".repeat(41)));
        assertThrows(InvalidInputException.class, () -> User.checkDisplayName(null));
    }

    @Test
    void aNewUserStartsAtOneAndRefersToTheirProfile() {
        User user = new User(site, 7, "Jane", "Jane Doe", PasswordHasher.UNUSABLE, Role.USER, Instant.now());

        assertEquals(1, user.getReputation());
        assertEquals(new UserRef(7L, "Jane Doe", "jane-doe", 1), user.ref());
        assertFalse(user.isModerator());
    }

    @Test
    void aDeletedUserKeepsTheNameButLosesTheLink() {
        User user = new User(site, 7, "jane", "Jane Doe", PasswordHasher.UNUSABLE, Role.USER, Instant.now());
        user.delete();

        UserRef ref = user.ref();
        assertNull(ref.number());
        assertFalse(ref.linkable());
        assertEquals("Jane Doe", ref.displayName());
    }

    @Test
    void rolesAndGroups() {
        assertEquals("moderator", Role.MODERATOR.groupName());
        assertTrue(new Actor(1, 1, Role.ADMIN).isModerator());
        assertTrue(new Actor(1, 1, Role.ADMIN).isAdmin());
        assertFalse(new Actor(1, 1, Role.MODERATOR).isAdmin());
        assertFalse(new Actor(1, 1, Role.USER).isModerator());
    }
}
