package org.parley.post.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.parley.image.ImageProxy;
import org.parley.markdown.MarkdownRenderer;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.site.web.CurrentSite;
import org.parley.user.security.Viewer;
import org.parley.web.Links;

/**
 * Asking a question ({@code /questions/ask}, log-in required): title, Markdown body with a live preview, and up to
 * five tags with auto-completion. On success the browser is redirected to the new question's page.
 */
@Named
@ViewScoped
public class AskView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String TAGS_ID = "ask-tags";

    @Inject
    private QuestionService questions;

    @Inject
    private MarkdownRenderer markdown;

    @Inject
    private CurrentSite site;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    @Inject
    private ImageProxy images;

    private String title;
    private String body;
    private List<String> tags = new ArrayList<>();
    private final MarkdownPreview preview = new MarkdownPreview();

    public void submit() throws IOException {
        QuestionSummary asked = questions.ask(viewer.actor(), title, body, TagInput.read(TAGS_ID, tags));
        FacesContext.getCurrentInstance().getExternalContext().redirect(links.question(asked.number(), asked.slug()));
    }

    /** Tag suggestions for what is typed in the tag box. */
    public String getPreviewHtml() {
        return images.rewrite(
                preview.html(markdown, body, site.getInfo().math()),
                site.getInfo().hostNames());
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    }
}
