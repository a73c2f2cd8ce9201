package org.parley.user.security;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.Objects;
import org.parley.common.Actor;
import org.parley.common.Role;

/**
 * The user this HTTP session logged in as, and on which site. Set by {@link SiteIdentityStore} when a password is
 * checked; a session is only ever treated as logged in on the site it logged in to. Holds ids only: names and
 * reputation are read fresh for each page (see {@link Viewer}).
 */
@SessionScoped
public class CurrentUser implements Serializable {

    private static final long serialVersionUID = 1L;

    private long siteId;
    private String username;
    private long userId;
    private Role role;

    void signedIn(long siteId, String username, Actor actor) {
        this.siteId = siteId;
        this.username = Objects.requireNonNull(username, "username");
        this.userId = actor.userId();
        this.role = actor.role();
    }

    /** Forgets the user, e.g. on log-out. */
    public void clear() {
        username = null;
        role = null;
    }

    /** The actor when this session logged in as {@code principalName} on site {@code siteId}, else null. */
    Actor actorFor(String principalName, long siteId) {
        if (username == null || role == null || this.siteId != siteId || !username.equals(principalName)) {
            return null;
        }
        return new Actor(userId, siteId, role);
    }

    String username() {
        return username;
    }
}
