package org.parley.user.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.common.Role;

class SiteIdentityStoreTest {

    @Test
    void rolesIncludeTheOnesBelow() {
        assertEquals(Set.of("user"), SiteIdentityStore.groupsOf(Role.USER));
        assertEquals(Set.of("user", "moderator"), SiteIdentityStore.groupsOf(Role.MODERATOR));
        assertEquals(Set.of("user", "moderator", "admin"), SiteIdentityStore.groupsOf(Role.ADMIN));
    }
}
