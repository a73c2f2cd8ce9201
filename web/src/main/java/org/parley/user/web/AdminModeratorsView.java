package org.parley.user.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.parley.common.Role;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.site.web.CurrentSite;
import org.parley.user.UserRef;
import org.parley.user.UserService;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Redirects;

/**
 * The site's moderators ({@code /admin/moderators}): who they are, appointing one by username, and removing one. The
 * same appointment is on each user's profile for an admin. web.xml lets only admins in; {@link
 * UserService#changeRole} checks again.
 */
@Named
@ViewScoped
public class AdminModeratorsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private UserService users;

    @Inject
    private CurrentSite site;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    private List<UserRef> moderators;
    private String username;

    public void load() {
        if (!viewer.isAdmin()) {
            throw new NotAllowedException("Only admins can appoint moderators.");
        }
        moderators = users.moderators(site.id());
    }

    /** Appoints the user named in the form. */
    public void appoint() throws IOException {
        UserRef user = users.ref(site.id(), username)
                .orElseThrow(() -> new InvalidInputException(
                        "username", "No user named “" + Objects.toString(username, "") + "” on this site."));
        change(user.number(), Role.MODERATOR);
    }

    /** Makes moderator {@code number} a plain user again. */
    public void remove(long number) throws IOException {
        change(number, Role.USER);
    }

    private void change(long number, Role role) throws IOException {
        UserRef changed = users.changeRole(viewer.actor(), number, role);
        Redirects.withNotice(
                changed.displayName()
                        + (role == Role.MODERATOR ? " is now a moderator." : " is no longer a moderator."),
                links.adminModerators());
    }

    public List<UserRef> getModerators() {
        return moderators;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }
}
