package org.parley.badge.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import org.parley.badge.BadgeService;
import org.parley.badge.BadgeService.ClassCounts;
import org.parley.site.web.CurrentSite;

/** A user's badges by class for profiles, read once per user and request. */
@Named
@RequestScoped
public class BadgeCounts {

    @Inject
    private BadgeService badges;

    @Inject
    private CurrentSite site;

    private final Map<Long, ClassCounts> counts = new HashMap<>();

    public ClassCounts of(long userNumber) {
        return counts.computeIfAbsent(userNumber, n -> badges.countsByUser(site.id(), n));
    }
}
