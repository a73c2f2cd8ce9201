package org.parley.tagwiki.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.parley.image.ImageProxy;
import org.parley.markdown.MarkdownRenderer;
import org.parley.post.web.MarkdownPreview;
import org.parley.site.web.CurrentSite;
import org.parley.tagwiki.TagWikiForEdit;
import org.parley.tagwiki.TagWikiService;
import org.parley.user.security.Viewer;
import org.parley.web.Links;

/**
 * Editing a tag's excerpt and wiki ({@code /tags/{name}/edit}), for users with the "Edit tag wikis" privilege; anyone
 * else gets the 403 page. Saving records a revision of each changed part and goes back to the tag's info page.
 */
@Named
@ViewScoped
public class TagWikiEditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private TagWikiService wikis;

    @Inject
    private MarkdownRenderer markdown;

    @Inject
    private ImageProxy images;

    @Inject
    private CurrentSite site;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    private String tag;
    private TagWikiForEdit original;
    private String excerpt;
    private String wiki;
    private String summary;
    private final MarkdownPreview preview = new MarkdownPreview();

    public void load() {
        original = wikis.forEdit(viewer.actor(), tag == null ? null : tag.strip());
        excerpt = original.excerpt();
        wiki = original.wikiMarkdown();
    }

    public void submit() throws IOException {
        wikis.edit(viewer.actor(), original.tagName(), excerpt, wiki, summary);
        FacesContext.getCurrentInstance().getExternalContext().redirect(links.tagInfo(original.tagName()));
    }

    public String getPreviewHtml() {
        return images.rewrite(
                preview.html(markdown, wiki, site.getInfo().math()),
                site.getInfo().hostNames());
    }

    public TagWikiForEdit getOriginal() {
        return original;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public void setExcerpt(String excerpt) {
        this.excerpt = excerpt;
    }

    public String getWiki() {
        return wiki;
    }

    public void setWiki(String wiki) {
        this.wiki = wiki;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }
}
