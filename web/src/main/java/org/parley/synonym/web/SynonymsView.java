package org.parley.synonym.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.parley.site.Privilege;
import org.parley.site.web.CurrentSite;
import org.parley.synonym.SynonymRow;
import org.parley.synonym.SynonymService;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Redirects;

/**
 * The tag synonyms page ({@code /tags/synonyms}): every synonym and proposal of the site; a form to propose one (users
 * with "Create tag synonyms"; the service checks the score in the tag); approve, reject and merge for moderators. A
 * stateless view like the tag pages: no session for anonymous readers, and the rows are read when first asked for, so
 * that a button in a row finds its row on the post back too. An approval or merge starts the retagging in the
 * background and comes back here, where the row says how far it got.
 */
@Named
@RequestScoped
public class SynonymsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private SynonymService synonyms;

    @Inject
    private CurrentSite site;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    private List<SynonymRow> rows;
    private String source;
    private String target;

    public List<SynonymRow> getRows() {
        if (rows == null) {
            rows = synonyms.list(site.id());
        }
        return rows;
    }

    /** Whether the viewer may propose (the score in the tag is checked when they do). */
    public boolean isMayPropose() {
        return viewer.has(Privilege.CREATE_TAG_SYNONYMS);
    }

    public boolean isModerator() {
        return viewer.isModerator();
    }

    public void propose() throws IOException {
        synonyms.propose(viewer.actor(), source, target);
        Redirects.withNotice(
                "Proposed: " + source.strip() + " as a synonym of " + target.strip() + ". A moderator reviews it.",
                links.tagSynonyms());
    }

    public void merge() throws IOException {
        long id = synonyms.merge(viewer.actor(), source, target);
        synonyms.retagAll(site.id(), id);
        Redirects.withNotice(
                "Merged: the questions tagged " + source.strip() + " are being retagged " + target.strip() + ".",
                links.tagSynonyms());
    }

    public void approve(long id) throws IOException {
        synonyms.approve(viewer.actor(), id);
        synonyms.retagAll(site.id(), id);
        Redirects.withNotice("Approved: the synonym's questions are being retagged.", links.tagSynonyms());
    }

    public void reject(long id) throws IOException {
        synonyms.reject(viewer.actor(), id);
        Redirects.withNotice("Rejected.", links.tagSynonyms());
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }
}
