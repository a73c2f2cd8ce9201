package org.parley.revision.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.parley.revision.RevisionPage;
import org.parley.revision.RevisionService;
import org.parley.rules.NotFoundException;
import org.parley.site.web.CurrentSite;
import org.parley.user.security.Viewer;
import org.parley.web.Links;

/**
 * The revisions page of a post ({@code /posts/{number}/revisions}, or {@code /revisions/{number}}): its numbered
 * revisions with word diffs (inline, or side by side with {@code ?view=side}) and rendered bodies, and its moderation
 * events in words, newest first, with a link back to the post. Whoever may edit the post can roll it back to an
 * earlier revision here; the service decides.
 */
@Named
@ViewScoped
public class RevisionsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RevisionService revisions;

    @Inject
    private CurrentSite site;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    private String n;
    private String view;
    private RevisionPage page;

    public void load() {
        long number;
        try {
            number = Long.parseLong(n);
        } catch (NumberFormatException | NullPointerException e) {
            throw new NotFoundException("No such post.");
        }
        page = revisions.page(site.id(), number, viewer.actor());
    }

    /** Rolls the post back to revision {@code revision} and shows the page again, with the new revision on top. */
    public void rollBack(int revision) throws IOException {
        revisions.rollBack(viewer.actor(), page.postNumber(), revision);
        FacesContext.getCurrentInstance()
                .getExternalContext()
                .redirect(links.revisions(page.postNumber()) + (isSideBySide() ? "?view=side" : ""));
    }

    /** Whether the viewer may roll the post back (its author, a moderator or an admin). */
    public boolean isMayRollBack() {
        return page.owner() != null && viewer.mayEdit(page.owner());
    }

    /** Whether diffs show side by side (before | after) rather than inline. */
    public boolean isSideBySide() {
        return "side".equals(view);
    }

    public String getView() {
        return view;
    }

    public void setView(String view) {
        this.view = view;
    }

    public RevisionPage getPage() {
        return page;
    }

    public String getN() {
        return n;
    }

    public void setN(String n) {
        this.n = n;
    }
}
