package org.parley.dump.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.dump.importer.ImportService;
import org.parley.dump.importer.ImportStatus;
import org.parley.rules.NotAllowedException;
import org.parley.user.security.Viewer;

/**
 * The admin page of dump imports ({@code /admin/imports}): starts an import of a folder on the server and shows the
 * progress of recent ones, polled every two seconds. web.xml lets only admins in; the page and {@link ImportService}
 * check again.
 */
@Named
@ViewScoped
public class AdminImportsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger log = Logger.getLogger(AdminImportsView.class.getName());

    @Inject
    private ImportService imports;

    @Inject
    private Viewer viewer;

    private List<ImportStatus> recent;
    /** For each stopped, unfinished import shown: "" when resuming can help, else why not. */
    private final Map<Long, String> resumeBlockers = new HashMap<>();

    private String dir;
    private String name;
    private String host;
    private String title;

    public void load() {
        if (!viewer.isAdmin()) {
            throw new NotAllowedException("Only admins can import dumps.");
        }
        refresh();
    }

    public void refresh() {
        recent = imports.recent(10);
        resumeBlockers.clear();
        for (ImportStatus s : recent) {
            if (s.isFinished() && !"COMPLETED".equals(s.status())) {
                String blocker = imports.resumeBlocker(s.id());
                resumeBlockers.put(s.id(), blocker == null ? "" : blocker);
            }
        }
    }

    /** Whether "Resume" is offered: the import stopped unfinished and resuming it can help. */
    public boolean canResume(long id) {
        return "".equals(resumeBlockers.get(id));
    }

    /** Why a stopped import is not offered "Resume", or null. */
    public String resumeBlocker(long id) {
        String blocker = resumeBlockers.get(id);
        return blocker == null || blocker.isEmpty() ? null : blocker;
    }

    /** The CSS modifier for an import's state: {@code completed}, {@code failed} or {@code running}. */
    public String stateClass(ImportStatus s) {
        return switch (s.status()) {
            case "COMPLETED" -> "completed";
            case "FAILED" -> "failed";
            default -> "running";
        };
    }

    public void start() {
        ImportStatus started = imports.start(viewer.actor(), dir, name, host, title);
        log.log(Level.INFO, "Import {0} started from the admin page", started.id());
        FacesContext.getCurrentInstance()
                .addMessage(
                        null,
                        new FacesMessage(
                                FacesMessage.SEVERITY_INFO,
                                "Import " + started.id() + " of " + started.dir() + " started.",
                                null));
        dir = null;
        name = null;
        host = null;
        title = null;
        refresh();
    }

    public void restart(long id) {
        imports.restart(viewer.actor(), id);
        refresh();
    }

    /** Whether any shown import is still going, so the page keeps polling. */
    public boolean isActive() {
        return recent != null && recent.stream().anyMatch(s -> !s.isFinished());
    }

    public List<ImportStatus> getRecent() {
        return recent;
    }

    public String getDir() {
        return dir;
    }

    public void setDir(String dir) {
        this.dir = dir;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }
}
