package org.parley.revision.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.parley.markdown.MarkdownRenderer;
import org.parley.revision.PostRevision;
import org.parley.revision.RevisionService;
import org.parley.rules.NotFoundException;
import org.parley.site.web.CurrentSite;

/** The revisions page of a post ({@code /revisions/{number}}): its history, oldest first. */
@Named
@ViewScoped
public class RevisionsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RevisionService revisions;

    @Inject
    private MarkdownRenderer markdown;

    @Inject
    private CurrentSite site;

    private String n;
    private List<PostRevision> list;

    public void load() {
        long number;
        try {
            number = Long.parseLong(n);
        } catch (NumberFormatException | NullPointerException e) {
            throw new NotFoundException("No such post.");
        }
        list = revisions.listByPost(site.id(), number);
        if (list.isEmpty()) {
            throw new NotFoundException("This post has no recorded revisions.");
        }
    }

    /** A body revision as sanitised HTML (dumps store bodies as HTML). */
    public String html(PostRevision r) {
        return markdown.sanitize(r.getText());
    }

    public List<PostRevision> getList() {
        return list;
    }

    public String getN() {
        return n;
    }

    public void setN(String n) {
        this.n = n;
    }
}
