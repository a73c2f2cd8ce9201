package org.parley.flag.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.parley.flag.FlagService;
import org.parley.flag.FlagService.FlagCounts;
import org.parley.site.web.CurrentSite;
import org.parley.user.security.Viewer;

/**
 * What the pages show of flags outside the flag pages ({@code #{flagBadge}}): the moderators' count of pending flags in
 * the top bar, and a user's flag record on their profile (for themselves and the moderators).
 */
@Named
@RequestScoped
public class FlagBadge {

    @Inject
    private FlagService flags;

    @Inject
    private CurrentSite site;

    @Inject
    private Viewer viewer;

    private Long pending;
    private final java.util.Map<Long, FlagCounts> records = new java.util.HashMap<>();

    /** Pending flags of the site, for a moderator; 0 for anyone else (no query). */
    public long getPending() {
        if (pending == null) {
            pending = viewer.isModerator() ? flags.pendingCount(viewer.actor()) : 0L;
        }
        return pending;
    }

    /** A user's flag record, or null when the viewer may not see it (only the user and the moderators may). */
    public FlagCounts of(long userNumber) {
        boolean self = viewer.getUser() != null
                && viewer.getUser().number() != null
                && viewer.getUser().number() == userNumber;
        if (!self && !viewer.isModerator()) {
            return null;
        }
        return records.computeIfAbsent(userNumber, n -> flags.counts(site.id(), n));
    }
}
