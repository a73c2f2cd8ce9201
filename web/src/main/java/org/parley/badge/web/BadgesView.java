package org.parley.badge.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.parley.badge.BadgeService;
import org.parley.badge.BadgeService.BadgeSummary;
import org.parley.site.web.CurrentSite;

/** The badges page ({@code /badges}): every badge with its class, how many hold it and how to earn it. */
@Named
@RequestScoped
public class BadgesView {

    @Inject
    private BadgeService badges;

    @Inject
    private CurrentSite site;

    private List<BadgeSummary> all;

    public void load() {
        all = badges.summary(site.id());
    }

    /** The named badges (Stack Overflow's, and other badges a dump brought) of class {@code badgeClass}. */
    public List<BadgeSummary> named(int badgeClass) {
        return all.stream()
                .filter(b -> !b.tagBased() && b.badgeClass() == badgeClass)
                .toList();
    }

    /** The tag badges held on this site. */
    public List<BadgeSummary> getTags() {
        return all.stream().filter(BadgeSummary::tagBased).toList();
    }
}
