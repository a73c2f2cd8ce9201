package org.parley.common;

import java.util.Locale;

/** What a user may do beyond the basics. Admins are seeded, never self-registered. */
public enum Role {
    USER,
    MODERATOR,
    ADMIN;

    /** The security group name for this role: {@code user}, {@code moderator} or {@code admin}. */
    public String groupName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
