package org.parley.user.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.parley.common.Role;
import org.parley.site.PrivilegeLadder;
import org.parley.site.web.CurrentSite;
import org.parley.user.UserRef;
import org.parley.user.security.Viewer;

/**
 * The privileges page ({@code /help/privileges}): what reputation unlocks on this site, in the ladder's order, with the
 * logged-in reader's progress towards each.
 */
@Named
@RequestScoped
public class PrivilegesView {

    @Inject
    private CurrentSite site;

    @Inject
    private Viewer viewer;

    private List<PrivilegeLadder.Progress> ladder;

    /** Every privilege with its threshold on this site; earned and progress only mean something when logged in. */
    public List<PrivilegeLadder.Progress> getLadder() {
        if (ladder == null) {
            ladder = site.getInfo().privileges().progress(getReputation(), role());
        }
        return ladder;
    }

    /** Whether the page shows the reader's own progress. */
    public boolean isPersonal() {
        return viewer.getUser() != null;
    }

    /** The reader's reputation on this site; 0 when anonymous. */
    public int getReputation() {
        UserRef user = viewer.getUser();
        return user == null ? 0 : user.reputation();
    }

    /** Whether the reader has every privilege by role (moderators and admins). */
    public boolean isModerator() {
        return viewer.isModerator();
    }

    /** The next privilege the reader earns, or null when there is none left (or when anonymous). */
    public PrivilegeLadder.Progress getNext() {
        if (!isPersonal()) {
            return null;
        }
        return getLadder().stream().filter(p -> !p.earned()).findFirst().orElse(null);
    }

    private Role role() {
        return viewer.actor() == null ? Role.USER : viewer.actor().role();
    }
}
