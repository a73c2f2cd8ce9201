package org.parley.user.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.parley.common.Actor;
import org.parley.site.Privilege;
import org.parley.site.web.CurrentSite;
import org.parley.user.UserRef;
import org.parley.user.UserService;

/**
 * Who is looking at the current page: the {@link Actor} that view beans pass to services (null when anonymous) and,
 * for the top bar, the user's name and reputation read fresh once per request.
 */
@Named
@RequestScoped
public class Viewer {

    @Inject
    private HttpServletRequest request;

    @Inject
    private CurrentSite currentSite;

    @Inject
    private CurrentUser currentUser;

    @EJB
    private UserService users;

    private boolean resolved;
    private Actor actor;
    private UserRef user;

    /** The logged-in actor on this site, or null for an anonymous caller. */
    public Actor actor() {
        if (!resolved) {
            resolved = true;
            Principal principal = request.getUserPrincipal();
            actor = principal == null ? null : currentUser.actorFor(principal.getName(), currentSite.id());
        }
        return actor;
    }

    public boolean isLoggedIn() {
        return actor() != null;
    }

    public boolean isModerator() {
        return isLoggedIn() && actor.isModerator();
    }

    public boolean isAdmin() {
        return isLoggedIn() && actor.isAdmin();
    }

    /** Name, number and current reputation of the logged-in user, or null when anonymous. */
    public UserRef getUser() {
        if (user == null && isLoggedIn()) {
            user = users.ref(currentSite.id(), currentUser.username()).orElse(null);
        }
        return user;
    }

    /**
     * The logged-in user as {@link #getUser}, or null when anonymous or when it cannot be read: for error pages, which
     * must render even when the error was the database.
     */
    public UserRef getSafeUser() {
        try {
            return getUser();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether the logged-in user wrote a post by {@code owner}. */
    public boolean owns(UserRef owner) {
        UserRef me = getUser();
        return me != null
                && owner != null
                && owner.number() != null
                && owner.number().equals(me.number());
    }

    /**
     * Whether the logged-in user may edit a post by {@code owner}: its author, a moderator or an admin, or anyone with
     * the site's {@link Privilege#EDIT_FREELY}.
     */
    public boolean mayEdit(UserRef owner) {
        return owns(owner) || isModerator() || has(Privilege.EDIT_FREELY);
    }

    /** Whether the logged-in user has {@code privilege} on this site (by reputation, or as a moderator or admin). */
    public boolean has(Privilege privilege) {
        UserRef me = getUser();
        return me != null && currentSite.getInfo().privileges().has(privilege, me.reputation(), actor.role());
    }

    /** Forgets the logged-in user in this request (after a log-out). */
    void forget() {
        resolved = true;
        actor = null;
        user = null;
    }
}
