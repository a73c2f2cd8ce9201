package org.parley.site.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.rules.NotAllowedException;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.user.security.Viewer;
import org.parley.web.Links;

/**
 * The admin page that lists sites and creates one ({@code /admin/sites}). web.xml lets only the {@code admin} role
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

    private List<SiteInfo> all;
    private String host;
    private String name;
    private String title;
    private String description;

    public void load() {
        if (!viewer.isAdmin()) {
            throw new NotAllowedException("Only admins can manage sites.");
        }
        all = sites.list();
    }

    public void create() throws IOException {
        SiteInfo created = sites.create(viewer.actor(), host, name, title, description);
        log.log(Level.INFO, "Created site {0}", created.host());
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Created " + created.host() + ".", null));
        faces.getExternalContext().redirect(links.adminSites());
    }

    /** Switches math rendering for a site (issue 15); the service checks that the viewer is an admin. */
    public void toggleMath(long siteId) throws IOException {
        boolean on = all.stream()
                .filter(s -> s.id() == siteId)
                .findFirst()
                .map(s -> !s.math())
                .orElse(true);
        SiteInfo changed = sites.changeMath(viewer.actor(), siteId, on);
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(
                null,
                new FacesMessage(
                        FacesMessage.SEVERITY_INFO,
                        "Math rendering is " + (changed.math() ? "on" : "off") + " for " + changed.host() + ".",
                        null));
        faces.getExternalContext().redirect(links.adminSites());
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
