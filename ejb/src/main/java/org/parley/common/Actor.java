package org.parley.common;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who a service call is made for: a logged-in user of one site. Services take {@code null} for an anonymous
 * caller and check ownership and roles themselves.
 */
public record Actor(long userId, long siteId, Role role) implements Serializable {

    public Actor {
        Objects.requireNonNull(role, "role");
    }

    /** Moderators and admins may edit anyone's posts. */
    public boolean isModerator() {
        return role == Role.MODERATOR || role == Role.ADMIN;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
