package org.parley.revision.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.parley.revision.RevisionPage;
import org.parley.revision.RevisionService;
import org.parley.rules.NotFoundException;
import org.parley.site.web.CurrentSite;

/**
 * The revisions page of a post ({@code /revisions/{number}}): its numbered revisions with word diffs and rendered
 * bodies, and its moderation events in words, newest first, with a link back to the post.
 */
@Named
@ViewScoped
public class RevisionsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RevisionService revisions;

    @Inject
    private CurrentSite site;

    private String n;
    private RevisionPage page;

    public void load() {
        long number;
        try {
            number = Long.parseLong(n);
        } catch (NumberFormatException | NullPointerException e) {
            throw new NotFoundException("No such post.");
        }
        page = revisions.page(site.id(), number);
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
