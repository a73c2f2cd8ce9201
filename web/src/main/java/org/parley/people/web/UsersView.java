package org.parley.people.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.parley.common.Page;
import org.parley.people.DirectoryTab;
import org.parley.people.Period;
import org.parley.people.UserCard;
import org.parley.people.UserDirectory;
import org.parley.site.web.CurrentSite;
import org.parley.web.Links;
import org.parley.web.Pager;
import org.parley.web.Redirects;

/**
 * The users directory ({@code /users?tab=voters&period=week&filter=ann&page=2}). Every choice is a link or a plain GET
 * form, so each list has its own URL and works without JavaScript; {@code users.js} refreshes the list as a name is
 * typed by fetching those same URLs.
 */
@Named
@RequestScoped
public class UsersView {

    @Inject
    private UserDirectory directory;

    @Inject
    private CurrentSite site;

    @Inject
    private Links links;

    private String tab;
    private String period;
    private String filter;
    private String page;

    private DirectoryTab currentTab;
    private Period currentPeriod;
    private Page<UserCard> result;
    private Pager pager;

    public void load() {
        currentTab = DirectoryTab.of(tab);
        currentPeriod = Period.of(period, currentTab.defaultPeriod());
        String f = getCleanFilter();
        result = directory.list(site.id(), currentTab, currentPeriod, f, Redirects.parsePage(page));
        String base = link(currentTab, currentPeriod, f);
        pager = Pager.of(result, p -> p == 1 ? base : base + (base.contains("?") ? "&" : "?") + "page=" + p);
        if (isPastEnd()) {
            Redirects.pastTheEnd();
        }
    }

    /** The directory's URL for a tab and period with the current filter; defaults are left out of it. */
    public String link(DirectoryTab t, Period p) {
        return link(t, p, getCleanFilter());
    }

    private String link(DirectoryTab t, Period p, String f) {
        List<String> query = new ArrayList<>();
        if (t != DirectoryTab.REPUTATION) {
            query.add("tab=" + t.param());
        }
        if (p != t.defaultPeriod()) {
            query.add("period=" + p.param());
        }
        if (f != null) {
            query.add("filter=" + URLEncoder.encode(f, StandardCharsets.UTF_8));
        }
        return links.users() + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    /** What the card's figure means on this tab and period, after the number. */
    public String figureLabel(long n) {
        return switch (currentTab) {
            case REPUTATION, NEW_USERS ->
                currentPeriod == Period.ALL || currentTab == DirectoryTab.NEW_USERS
                        ? null
                        : "reputation this " + currentPeriod.param();
            case VOTERS -> n == 1 ? "vote" : "votes";
            case EDITORS -> n == 1 ? "edit" : "edits";
        };
    }

    /** The filter as typed, trimmed and cut to the directory's limit; null when blank. */
    public String getCleanFilter() {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        String f = filter.strip();
        return f.length() > UserDirectory.MAX_FILTER ? f.substring(0, UserDirectory.MAX_FILTER) : f;
    }

    /** Whether the page asked for lies past the last one of a list that has users. */
    public boolean isPastEnd() {
        return result.items().isEmpty() && result.total() > 0;
    }

    public DirectoryTab[] getTabs() {
        return DirectoryTab.values();
    }

    public Period[] getPeriods() {
        return Period.values();
    }

    public DirectoryTab getCurrentTab() {
        return currentTab;
    }

    public Period getCurrentPeriod() {
        return currentPeriod;
    }

    public Page<UserCard> getResult() {
        return result;
    }

    public Pager getPager() {
        return pager;
    }

    public String getTab() {
        return tab;
    }

    public void setTab(String tab) {
        this.tab = tab;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
