package org.parley.tagwiki.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.parley.site.Privilege;
import org.parley.site.web.CurrentSite;
import org.parley.tagwiki.TagInfo;
import org.parley.tagwiki.TagWikiService;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Redirects;

/**
 * A tag's info page ({@code /tags/{name}/info}): its excerpt and wiki, links to their revisions, and for those with the
 * "Edit tag wikis" privilege a link to edit them. An unknown tag is the 404 page.
 */
@Named
@RequestScoped
public class TagInfoView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private TagWikiService wikis;

    @Inject
    private CurrentSite site;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    private String tag;
    private TagInfo info;

    public void load() {
        info = wikis.info(site.id(), tag == null ? null : tag.strip());
        if (info.synonymOf() != null) {
            // A synonym's page is its target's, as its question list is.
            Redirects.permanent(links.tagInfo(info.synonymOf()));
        }
    }

    public TagInfo getInfo() {
        return info;
    }

    /** Whether the viewer may edit the tag's wiki (the service checks again when they save). */
    public boolean isEditable() {
        return viewer.has(Privilege.EDIT_TAG_WIKIS);
    }

    /**
     * The tag asked for. On a post back (the watch buttons) the view parameter is set only after the buttons were
     * decoded, and their {@code rendered} conditions need it before: read from the request then.
     */
    public String getTag() {
        if (tag == null) {
            tag = FacesContext.getCurrentInstance()
                    .getExternalContext()
                    .getRequestParameterMap()
                    .get("tag");
        }
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }
}
