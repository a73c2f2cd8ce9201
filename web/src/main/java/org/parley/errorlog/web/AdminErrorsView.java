package org.parley.errorlog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.parley.errorlog.ErrorLogEntry;
import org.parley.errorlog.ErrorLogService;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Redirects;

/**
 * The exception log ({@code /admin/errors}): the distinct errors, last seen first, narrowed by {@code ?q=}; one error's
 * stack and context at {@code ?id=}; clearing one or all. web.xml lets only admins in, the page lets only the server's
 * admins on, and {@link ErrorLogService} checks again.
 */
@Named
@RequestScoped
public class AdminErrorsView {

    @Inject
    private ErrorLogService log;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    private String q;
    private String id;
    private List<ErrorLogEntry> errors;
    private ErrorLogEntry error;

    public void load() {
        if (!viewer.isAdmin()) {
            throw new NotAllowedException("Only the server's admins can read the exception log.");
        }
        if (id != null && !id.isBlank()) {
            long number;
            try {
                number = Long.parseLong(id.strip());
            } catch (NumberFormatException e) {
                throw new NotFoundException("No such error.");
            }
            error = log.find(viewer.actor(), number)
                    .orElseThrow(() -> new NotFoundException("No such error (cleared?)."));
        } else {
            errors = log.list(viewer.actor(), q);
        }
    }

    /**
     * Clears the error the detail view showed (its number posted back with the form: the bean lives for one request,
     * so the list's stacks never go into the session) and goes back to the list.
     */
    public void clearShown() throws IOException {
        String posted = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("error-id");
        long number;
        try {
            number = Long.parseLong(posted == null ? "" : posted.strip());
        } catch (NumberFormatException e) {
            throw new NotFoundException("No such error.");
        }
        clear(number);
    }

    /** Clears error {@code number} and goes back to the list. */
    public void clear(long number) throws IOException {
        boolean cleared = log.clear(viewer.actor(), number);
        Redirects.withNotice(cleared ? "Error cleared." : "That error was cleared already.", links.adminErrors());
    }

    public void clearAll() throws IOException {
        int n = log.clearAll(viewer.actor());
        Redirects.withNotice(n == 1 ? "1 error cleared." : n + " errors cleared.", links.adminErrors());
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public List<ErrorLogEntry> getErrors() {
        return errors;
    }

    public ErrorLogEntry getError() {
        return error;
    }

    public int getListMax() {
        return ErrorLogService.LIST_MAX;
    }
}
