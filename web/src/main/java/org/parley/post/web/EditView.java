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
import org.parley.post.PostForEdit;
import org.parley.post.QuestionService;
import org.parley.site.Privilege;
import org.parley.site.web.CurrentSite;
import org.parley.tag.TagNames;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Redirects;

/**
 * Editing a question or an answer ({@code /posts/{number}/edit}): its author, a moderator or an admin. The service
 * decides who may; anyone else gets the 403 page. Saving, with an optional edit summary, records a revision and
 * redirects to the post on its question page.
 */
@Named
@ViewScoped
public class EditView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String TAGS_ID = "edit-tags";

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

    private String n;
    private PostForEdit post;
    private String title;
    private String body;
    private List<String> tags = new ArrayList<>();
    private String summary;
    private final MarkdownPreview preview = new MarkdownPreview();

    public void load() {
        post = questions.forEditOrSuggestion(viewer.actor(), Redirects.parseNumber(n));
        title = post.title();
        body = post.bodyMarkdown();
        tags = post.question() ? new ArrayList<>(TagNames.parse(post.tags())) : new ArrayList<>();
    }

    public void submit() throws IOException {
        List<String> newTags = post.question() ? TagInput.read(TAGS_ID, tags) : List.of();
        String target = post.question()
                ? links.question(post.questionNumber(), post.questionSlug())
                : links.answer(post.questionNumber(), post.questionSlug(), post.number());
        if (post.suggestion()) {
            questions.suggestEdit(
                    viewer.actor(), post.number(), post.question() ? title : null, body, newTags, summary);
            Redirects.withNotice(
                    "Thanks: your edit waits for review; reviewers with "
                            + site.getInfo().privileges().threshold(Privilege.REVIEW_SUGGESTED_EDITS)
                            + " reputation approve or reject it.",
                    target);
            return;
        }
        questions.edit(viewer.actor(), post.number(), post.question() ? title : null, body, newTags, summary);
        FacesContext.getCurrentInstance().getExternalContext().redirect(target);
    }

    public String getPreviewHtml() {
        return images.rewrite(
                preview.html(markdown, body, site.getInfo().math()),
                site.getInfo().hostNames());
    }

    public String getQuestionUrl() {
        return links.question(post.questionNumber(), post.questionSlug());
    }

    public PostForEdit getPost() {
        return post;
    }

    public String getN() {
        return n;
    }

    public void setN(String n) {
        this.n = n;
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

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    }
}
