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
    /** The account's stamp when this session last found its role current; null until the first request checks. */
    private String stamp;

    void signedIn(long siteId, String username, Actor actor) {
        this.siteId = siteId;
        this.username = Objects.requireNonNull(username, "username");
        this.userId = actor.userId();
        this.role = actor.role();
        this.stamp = null;
    }

    /** Whether the session is logged in (on some site). */
    boolean loggedIn() {
        return username != null && role != null;
    }

    long siteId() {
        return siteId;
    }

    long userId() {
        return userId;
    }

    Role role() {
        return role;
    }

    String stamp() {
        return stamp;
    }

    /** Notes that at {@code stamp} the account still had the role this session logged in with. */
    void confirmed(String stamp) {
        this.stamp = stamp;
    }

    /** Forgets the user, e.g. on log-out. */
    public void clear() {
        username = null;
        role = null;
        stamp = null;
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
