package org.parley.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UserRefTest {

    @Test
    void anOwnerIsLinkedWithReputation() {
        UserRef ref = UserRef.author(7L, "Ada Cellar", 1234, false, "ignored");
        assertEquals(new UserRef(7L, "Ada Cellar", "ada-cellar", 1234), ref);
        assertTrue(ref.linkable());
    }

    @Test
    void aDeletedOwnerKeepsTheNameOnly() {
        UserRef ref = UserRef.author(7L, "Ada Cellar", 1234, true, null);
        assertEquals(new UserRef(null, "Ada Cellar", "ada-cellar", 0), ref);
        assertFalse(ref.linkable());
    }

    @Test
    void withoutAnOwnerThePostsOwnNameOrAnonymous() {
        assertEquals(
                new UserRef(null, "Gone User", "gone-user", 0), UserRef.author(null, null, null, null, "Gone User"));
        assertEquals("anonymous", UserRef.author(null, null, null, null, null).displayName());
    }
}
