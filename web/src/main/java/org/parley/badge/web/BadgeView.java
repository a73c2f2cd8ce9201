package org.parley.badge.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.parley.badge.BadgeService;
import org.parley.badge.BadgeService.Holder;
import org.parley.badge.BadgeType;
import org.parley.badge.TagBadge;
import org.parley.common.Page;
import org.parley.rules.NotFoundException;
import org.parley.site.web.CurrentSite;
import org.parley.web.Links;
import org.parley.web.Pager;
import org.parley.web.Redirects;

/**
 * A badge's page: {@code /badges/{id}} for one of Parley's badges, {@code /badges/{class}/{name}} for a tag badge or a
 * badge a dump brought; who earned it, newest first, paged.
 */
@Named
@RequestScoped
public class BadgeView {

    @Inject
    private BadgeService badges;

    @Inject
    private CurrentSite site;

    @Inject
    private Links links;

    private String id;
    private String name;
    private String badgeClass;
    private String page;

    private String title;
    private int classNumber;
    private boolean tagBased;
    private String description;
    private String link;
    private Page<Holder> holders;
    private Pager pager;

    public void load() {
        Optional<BadgeType> type = Optional.empty();
        if (id != null) {
            type = BadgeType.byId((int) Math.min(Integer.MAX_VALUE, Redirects.parseNumber(id)));
            if (type.isEmpty()) {
                throw new NotFoundException("No such badge.");
            }
        }
        if (type.isPresent()) {
            title = type.get().title();
            classNumber = type.get().badgeClass();
            description = type.get().description();
        } else {
            classNumber = switch (badgeClass == null ? "" : badgeClass) {
                case "gold" -> 1;
                case "silver" -> 2;
                case "bronze" -> 3;
                default -> throw new NotFoundException("No such badge.");
            };
            if (name == null || name.isBlank() || name.length() > 100) {
                throw new NotFoundException("No such badge.");
            }
            title = name;
            Optional<BadgeType> same = BadgeType.byName(name, classNumber);
            if (same.isPresent() && !badges.isTagBadge(site.id(), name, classNumber)) {
                // One of Parley's badges by its name: its page is /badges/{id}.
                Redirects.permanent(links.relative(BadgeService.link(same.get())));
                return;
            }
        }
        holders = badges.holders(site.id(), title, classNumber, Redirects.parsePage(page));
        if (type.isEmpty()) {
            if (holders.total() == 0) {
                throw new NotFoundException("No such badge.");
            }
            tagBased = badges.isTagBadge(site.id(), title, classNumber);
            description = tagBased
                    ? TagBadge.description(title, classNumber)
                    : "Imported with the site's Stack Exchange dump.";
        }
        link = links.relative(BadgeService.link(title, classNumber, tagBased && type.isEmpty()));
        pager = Pager.of(holders, p -> p == 1 ? link : link + "?page=" + p);
        if (holders.items().isEmpty() && holders.total() > 0) {
            Redirects.pastTheEnd();
        }
    }

    public String getTitle() {
        return title;
    }

    public String getClassName() {
        return BadgeType.className(classNumber);
    }

    public boolean isTagBased() {
        return tagBased;
    }

    public String getDescription() {
        return description;
    }

    public Page<Holder> getHolders() {
        return holders;
    }

    public Pager getPager() {
        return pager;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getBadgeClass() {
        return badgeClass;
    }

    public void setBadgeClass(String badgeClass) {
        this.badgeClass = badgeClass;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
