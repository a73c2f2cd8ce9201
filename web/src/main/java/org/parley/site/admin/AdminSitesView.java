package org.parley.site.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.post.QuestionSummaries;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.site.Limit;
import org.parley.site.Privilege;
import org.parley.site.PrivilegeLadder;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Redirects;

/**
 * The admin page that lists sites with their question counts, edits one ({@code /admin/sites?edit=3}: title,
 * description, language, host names, the reputation each privilege needs there, and its anti-abuse limits) and
 * creates one ({@code
 * /admin/sites}). web.xml lets only the {@code admin} role
 * in; the page checks again, and {@link SiteService#create} checks a third time.
 */
@Named
@ViewScoped
public class AdminSitesView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger log = Logger.getLogger(AdminSitesView.class.getName());

    @Inject
    private SiteService sites;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    @Inject
    private QuestionSummaries questions;

    private List<SiteInfo> all;
    private Map<Long, Long> questionCounts;

    /** The site being edited ({@code ?edit=<id>}), or null. */
    private String edit;

    private SiteInfo editing;
    private String editTitle;
    private String editDescription;
    private String editLanguage;
    private String editHost;
    private String editAliases;
    /** The thresholds typed for the site being edited, by privilege name; blank means the default. */
    private Map<String, String> thresholds;
    /** The limits typed for the site being edited, by limit name; blank means the default. */
    private Map<String, String> limits;
    /** The off-topic close reasons of the site being edited, one a line. */
    private String offTopicReasons;

    private String host;
    private String name;
    private String title;
    private String description;

    public void load() {
        if (!viewer.isAdmin()) {
            throw new NotAllowedException("Only admins can manage sites.");
        }
        all = sites.list();
        questionCounts = questions.countsBySite();
        if (edit != null && !edit.isBlank()) {
            editing = all.stream()
                    .filter(site -> Long.toString(site.id()).equals(edit.strip()))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("No site " + edit.strip() + "."));
            if (editTitle == null) {
                editTitle = editing.title();
                editDescription = editing.description();
                editLanguage = editing.language();
                editHost = editing.host();
                editAliases = String.join("\n", editing.aliases());
            }
            if (thresholds == null) {
                thresholds = new LinkedHashMap<>();
                Map<Privilege, Integer> set = editing.privileges().overrides();
                for (Privilege p : Privilege.values()) {
                    thresholds.put(p.name(), set.containsKey(p) ? Integer.toString(set.get(p)) : "");
                }
            }
            if (offTopicReasons == null) {
                offTopicReasons = String.join("\n", sites.offTopicReasons(editing.id()));
            }
            if (limits == null) {
                limits = new LinkedHashMap<>();
                Map<Limit, Integer> set = editing.limits().overrides();
                for (Limit l : Limit.values()) {
                    limits.put(l.name(), set.containsKey(l) ? Integer.toString(set.get(l)) : "");
                }
            }
        }
    }

    /** Saves the site being edited; {@link SiteService#update} checks the admin role and every value. */
    public void save() throws IOException {
        if (editing == null) {
            throw new NotFoundException("No site to save.");
        }
        SiteInfo saved = sites.update(
                viewer.actor(), editing.id(), editTitle, editDescription, editLanguage, editHost, editAliases);
        Redirects.withNotice("Saved " + saved.title() + ".", links.adminSites());
    }

    /**
     * Saves the reputation each privilege needs on the site being edited: a blank field is Stack Overflow's default.
     * {@link SiteService#changePrivileges} checks the admin role and the range.
     */
    public void savePrivileges() throws IOException {
        if (editing == null) {
            throw new NotFoundException("No site to save.");
        }
        Map<Privilege, Integer> set = new EnumMap<>(Privilege.class);
        List<InvalidInputException> problems = new ArrayList<>();
        for (Privilege p : Privilege.values()) {
            // An empty field comes back as null (empty strings are submitted as null).
            String typed =
                    Objects.toString(thresholds.get(p.name()), "").strip().replace(",", "");
            if (typed.isEmpty()) {
                continue;
            }
            int threshold;
            try {
                threshold = Integer.parseInt(typed);
            } catch (NumberFormatException e) {
                threshold = 0;
            }
            if (threshold < 1 || threshold > PrivilegeLadder.MAX_THRESHOLD) {
                // Named by the privilege: the message goes next to its field (id threshold-NAME).
                problems.add(new InvalidInputException(
                        p.name(),
                        "“" + p.label() + "” needs a whole number of reputation from 1 to "
                                + String.format("%,d", PrivilegeLadder.MAX_THRESHOLD) + ", or nothing for the"
                                + " default; not “" + typed + "”."));
            } else {
                set.put(p, threshold);
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        SiteInfo saved = sites.changePrivileges(viewer.actor(), editing.id(), set);
        Redirects.withNotice("Saved the privileges of " + saved.title() + ".", editLink(saved.id()));
    }

    /**
     * Saves the anti-abuse limits of the site being edited: a blank field is the default, 0 switches a limit off.
     * {@link SiteService#changeLimits} checks the admin role and the range.
     */
    public void saveLimits() throws IOException {
        if (editing == null) {
            throw new NotFoundException("No site to save.");
        }
        Map<Limit, Integer> set = new EnumMap<>(Limit.class);
        List<InvalidInputException> problems = new ArrayList<>();
        for (Limit l : Limit.values()) {
            String typed = Objects.toString(limits.get(l.name()), "").strip().replace(",", "");
            if (typed.isEmpty()) {
                continue;
            }
            int value;
            try {
                value = Integer.parseInt(typed);
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < 0 || value > l.max()) {
                // Named by the limit: the message goes next to its field (id limit-NAME).
                problems.add(new InvalidInputException(
                        l.name(),
                        "“" + l.label() + "” needs a whole number from 0 to " + String.format("%,d", l.max())
                                + ", or nothing for the default; not “" + typed + "”."));
            } else {
                set.put(l, value);
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        SiteInfo saved = sites.changeLimits(viewer.actor(), editing.id(), set);
        Redirects.withNotice("Saved the limits of " + saved.title() + ".", editLink(saved.id()));
    }

    /**
     * Saves the off-topic reasons of the site being edited, one a line; none restores Stack Overflow's. {@link
     * SiteService#changeOffTopicReasons} checks the admin role and each reason.
     */
    public void saveOffTopicReasons() throws IOException {
        if (editing == null) {
            throw new NotFoundException("No site to save.");
        }
        List<String> lines = List.of(Objects.toString(offTopicReasons, "").split("\\R"));
        List<String> saved = sites.changeOffTopicReasons(viewer.actor(), editing.id(), lines);
        Redirects.withNotice(
                "Saved " + saved.size() + " off-topic reasons of " + editing.title() + ".", editLink(editing.id()));
    }

    public String getOffTopicReasons() {
        return offTopicReasons;
    }

    public void setOffTopicReasons(String offTopicReasons) {
        this.offTopicReasons = offTopicReasons;
    }

    /** Every anti-abuse limit. */
    public List<Limit> getLimitList() {
        return List.of(Limit.values());
    }

    public Map<String, String> getLimits() {
        return limits;
    }

    /** Every privilege, in the ladder's order. */
    public List<Privilege> getPrivileges() {
        return List.of(Privilege.values());
    }

    public Map<String, String> getThresholds() {
        return thresholds;
    }

    /** A site's question count. */
    public long questionCount(long siteId) {
        return questionCounts.getOrDefault(siteId, 0L);
    }

    public String editLink(long siteId) {
        return links.adminSites() + "?edit=" + siteId;
    }

    public SiteInfo getEditing() {
        return editing;
    }

    public String getEdit() {
        return edit;
    }

    public void setEdit(String edit) {
        this.edit = edit;
    }

    public String getEditTitle() {
        return editTitle;
    }

    public void setEditTitle(String editTitle) {
        this.editTitle = editTitle;
    }

    public String getEditDescription() {
        return editDescription;
    }

    public void setEditDescription(String editDescription) {
        this.editDescription = editDescription;
    }

    public String getEditLanguage() {
        return editLanguage;
    }

    public void setEditLanguage(String editLanguage) {
        this.editLanguage = editLanguage;
    }

    public String getEditHost() {
        return editHost;
    }

    public void setEditHost(String editHost) {
        this.editHost = editHost;
    }

    public String getEditAliases() {
        return editAliases;
    }

    public void setEditAliases(String editAliases) {
        this.editAliases = editAliases;
    }

    public void create() throws IOException {
        SiteInfo created = sites.create(viewer.actor(), host, name, title, description);
        log.log(Level.INFO, "Created site {0}", created.host());
        Redirects.withNotice("Created " + created.host() + ".", links.adminSites());
    }

    /** Switches math rendering for a site (issue 15); the service checks that the viewer is an admin. */
    public void toggleMath(long siteId) throws IOException {
        boolean on = all.stream()
                .filter(s -> s.id() == siteId)
                .findFirst()
                .map(s -> !s.math())
                .orElse(true);
        SiteInfo changed = sites.changeMath(viewer.actor(), siteId, on);
        Redirects.withNotice(
                "Math rendering is " + (changed.math() ? "on" : "off") + " for " + changed.host() + ".",
                links.adminSites());
    }

    public List<SiteInfo> getAll() {
        return all;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
